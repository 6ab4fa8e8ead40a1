// Draws a PlotModel (src/cohort/plotModel.ts) as SVG. Colours and fonts are attributes, not CSS classes, so the
// element serialised as it is makes a standalone .svg (and .png) that looks like the screen.
import type { Ref } from 'react';
import { PLOT_COLOURS, type PlotModel } from '../../cohort/plotModel';

const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, Arial, sans-serif';
const C = PLOT_COLOURS;

export interface KaplanMeierPlotProps {
  readonly plot: PlotModel;
  readonly svgRef?: Ref<SVGSVGElement>;
}

export function KaplanMeierPlot({ plot, svgRef }: KaplanMeierPlotProps) {
  const { area } = plot;
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      width={plot.width}
      height={plot.height}
      viewBox={`0 0 ${plot.width} ${plot.height}`}
      role="img"
      aria-label={`Kaplan-Meier plot: ${plot.title}, ${plot.subtitle}`}
      fontFamily={FONT}
      fontSize={12}
      className="km-plot"
      data-testid="km-plot"
    >
      <title>{`${plot.title}, ${plot.subtitle}`}</title>
      <rect x={0} y={0} width={plot.width} height={plot.height} fill={C.background} />
      <text x={8} y={18} fill={C.text} fontSize={13} fontWeight={600}>{plot.title}</text>
      <text x={8} y={36} fill={C.dim}>{plot.subtitle}</text>
      {plot.yTicks.map((t) => (
        <g key={t.label}>
          <line x1={area.left} x2={area.right} y1={t.y} y2={t.y} stroke={C.grid} strokeWidth={1} />
          <text x={area.left - 8} y={t.y + 4} fill={C.dim} textAnchor="end">{t.label}</text>
        </g>
      ))}
      <line x1={area.left} x2={area.right} y1={plot.medianY} y2={plot.medianY} stroke={C.dim} strokeWidth={1} strokeDasharray="4 4" />
      {plot.curves.map((c) => c.band && <path key={`band-${c.group}`} d={c.band} fill={c.colour} fillOpacity={0.14} stroke="none" />)}
      {plot.curves.map((c) => (
        <g key={`curve-${c.group}`} data-group={c.group}>
          <path d={c.path} fill="none" stroke={c.colour} strokeWidth={2} />
          {c.censored.map((p) => <line key={`${p.x},${p.y}`} x1={p.x} x2={p.x} y1={p.y - 5} y2={p.y + 5} stroke={c.colour} strokeWidth={1.5} />)}
        </g>
      ))}
      <line x1={area.left} x2={area.left} y1={area.top} y2={area.bottom} stroke={C.axis} />
      <line x1={area.left} x2={area.right} y1={area.bottom} y2={area.bottom} stroke={C.axis} />
      {plot.xTicks.map((t) => (
        <g key={t.days}>
          <line x1={t.x} x2={t.x} y1={area.bottom} y2={area.bottom + 5} stroke={C.axis} />
          <text x={t.x} y={area.bottom + 18} fill={C.dim} textAnchor="middle">{t.label}</text>
        </g>
      ))}
      <text x={(area.left + area.right) / 2} y={area.bottom + 38} fill={C.text} textAnchor="middle">{plot.xLabel}</text>
      <text transform={`translate(16 ${(area.top + area.bottom) / 2}) rotate(-90)`} fill={C.text} textAnchor="middle">{plot.yLabel}</text>
      {plot.legend.map((l) => (
        <g key={l.label}>
          <line x1={l.x} x2={l.x + 20} y1={l.y - 4} y2={l.y - 4} stroke={l.colour} strokeWidth={3} />
          <text x={l.x + 28} y={l.y} fill={C.text}>{l.label}</text>
        </g>
      ))}
      <g data-testid="numbers-at-risk">
        <text x={plot.atRisk.labelX} y={plot.atRisk.titleY} fill={C.text} fontWeight={600}>Number at risk</text>
        {plot.atRisk.rows.map((r) => (
          <g key={r.group} data-group={r.group}>
            <text x={plot.atRisk.labelX} y={r.y} fill={r.colour}>{r.group}</text>
            {r.cells.map((c) => <text key={c.days} x={c.x} y={r.y} fill={C.text} textAnchor="middle">{c.n}</text>)}
          </g>
        ))}
      </g>
    </svg>
  );
}
