// The Kaplan-Meier figure as geometry, ready for an SVG: step curves, pointwise confidence bands, censoring ticks,
// axes, legend and the numbers-at-risk table under the time axis (at the axis' ticks). Pure, so the React component
// only draws it, and the same figure is what the reader downloads.
import type { KaplanMeierCurve, KaplanMeierStep } from '../survival/kaplanMeier';
import type { TimeUnit } from './cohortChoice';
import { timeAxis } from './timeAxis';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface CurveShape {
  readonly group: string;
  readonly colour: string;
  /** SVG path of the survival step function. */
  readonly path: string;
  /** SVG path of the confidence band (closed), or null when it has no width to draw. */
  readonly band: string | null;
  /** Where a patient was censored: on the curve, at their time. */
  readonly censored: readonly Point[];
}

export interface AtRiskRow {
  readonly group: string;
  readonly colour: string;
  readonly y: number;
  readonly cells: readonly { readonly x: number; readonly days: number; readonly n: number }[];
}

export interface PlotModel {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  /** The grouping, a second line under the title. */
  readonly subtitle: string;
  readonly area: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly xTicks: readonly { readonly x: number; readonly days: number; readonly label: string }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly medianY: number;
  readonly curves: readonly CurveShape[];
  readonly legend: readonly { readonly x: number; readonly y: number; readonly colour: string; readonly label: string }[];
  readonly atRisk: { readonly titleY: number; readonly labelX: number; readonly rows: readonly AtRiskRow[] };
}

/** Colours that stay apart on the dark theme and for colour-blind readers (Okabe & Ito, lightened). */
export const GROUP_COLOURS = ['#56b4e9', '#e69f00', '#5ec49a', '#f0e442', '#cc79a7', '#ff8c5a', '#b4b9ff', '#d9dbe0'];
export const PLOT_COLOURS = { background: '#1b1c1f', text: '#d9dbe0', dim: '#8e929c', grid: '#34363c', axis: '#8e929c' } as const;

export interface PlotInput {
  readonly curves: readonly KaplanMeierCurve[];
  readonly unit: TimeUnit;
  readonly title: string;
  readonly subtitle: string;
  /** "Overall survival", "Progression-free survival". */
  readonly yLabel: string;
  /** "from the origin", "from the landmark (day 91)". */
  readonly timeFrom: string;
  readonly width?: number;
}

const FONT_PX = 12;
/** A rough width of a label in the 12 px sans-serif: enough to keep the at-risk labels clear of the numbers. */
const textWidth = (s: string) => Math.ceil(s.length * FONT_PX * 0.62);
/** The at-risk labels start here; the first column of numbers is centred on the time axis' origin. */
const LABEL_X = 8;
const HALF_NUMBER = 16;
const ROW = 18;
const PLOT_HEIGHT = 300;
const round = (v: number) => Math.round(v * 10) / 10;

export function kaplanMeierPlot(input: PlotInput): PlotModel {
  const width = input.width ?? 760;
  const lastTime = Math.max(0, ...input.curves.flatMap((c) => c.steps.map((s) => s.time)));
  const axis = timeAxis(lastTime, input.unit);
  const labels = input.curves.map((c) => c.group ?? 'All');
  const left = Math.max(72, ...labels.map((l) => LABEL_X + textWidth(l) + HALF_NUMBER + 8));
  const area = { left, top: 56, right: width - 24, bottom: 56 + PLOT_HEIGHT };
  const x = (days: number) => round(area.left + ((area.right - area.left) * days) / axis.maxDays);
  const y = (s: number) => round(area.bottom - (area.bottom - area.top) * s);
  const colourOf = (i: number) => GROUP_COLOURS[i % GROUP_COLOURS.length] as string;

  const curves = input.curves.map((c, i) => curveShape(c, colourOf(i), x, y));
  const atRiskTop = area.bottom + 70;
  const legendRows = input.curves.map((c, i) => ({ colour: colourOf(i), label: `${labels[i]} (n = ${c.n}, ${c.events} events)` }));
  return {
    width,
    height: atRiskTop + 10 + ROW * input.curves.length,
    title: input.title,
    subtitle: input.subtitle,
    area,
    xTicks: axis.ticks.map((t) => ({ x: x(t.days), days: t.days, label: t.label })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((s) => ({ y: y(s), label: `${s * 100} %` })),
    xLabel: `${input.unit === 'months' ? 'Months' : 'Days'} ${input.timeFrom}`,
    yLabel: input.yLabel,
    medianY: y(0.5),
    curves,
    legend: legendRows.map((r, i) => ({ ...r, x: area.left + 14, y: area.bottom - 14 - ROW * (legendRows.length - 1 - i) })),
    atRisk: {
      titleY: atRiskTop - 6,
      labelX: LABEL_X,
      rows: input.curves.map((c, i) => ({
        group: labels[i] as string,
        colour: colourOf(i),
        y: atRiskTop + ROW * (i + 1) - 4,
        cells: axis.ticks.map((t) => ({ x: x(t.days), days: t.days, n: numberAtRisk(c.steps, t.days) })),
      })),
    },
  };
}

/** Patients still followed just before `days` (time >= days): the first step at or after it has them all. */
export function numberAtRisk(steps: readonly KaplanMeierStep[], days: number): number {
  return steps.find((s) => s.time >= days)?.atRisk ?? 0;
}

/** A step function through (0, first) and each (time, value) as "horizontal, then vertical" points. */
function stepPoints(times: readonly number[], values: readonly number[], first: number, end: number): [number, number][] {
  const points: [number, number][] = [[0, first]];
  let current = first;
  times.forEach((t, i) => {
    const v = values[i] as number;
    if (v === current) return;
    points.push([t, current], [t, v]);
    current = v;
  });
  points.push([end, current]);
  return points;
}

function curveShape(curve: KaplanMeierCurve, colour: string, x: (d: number) => number, y: (s: number) => number): CurveShape {
  const steps = curve.steps;
  const end = steps.at(-1)?.time ?? 0;
  const line = stepPoints(steps.map((s) => s.time), steps.map((s) => s.survival), 1, end);
  const path = line.map(([t, s], i) => `${i === 0 ? 'M' : 'L'}${x(t)},${y(s)}`).join(' ');
  // The band ends where R's limits become NA (the curve reached 0).
  const usable = steps.findIndex((s) => s.lower === null || s.upper === null);
  const banded = usable < 0 ? steps : steps.slice(0, usable);
  const bandEnd = usable < 0 ? end : (steps[usable] as KaplanMeierStep).time;
  const upper = stepPoints(banded.map((s) => s.time), banded.map((s) => s.upper as number), 1, bandEnd);
  const lower = stepPoints(banded.map((s) => s.time), banded.map((s) => s.lower as number), 1, bandEnd);
  const outline = [...upper, ...lower.reverse()];
  const band = bandEnd > 0 ? `${outline.map(([t, s], i) => `${i === 0 ? 'M' : 'L'}${x(t)},${y(s)}`).join(' ')} Z` : null;
  const censored = steps.filter((s) => s.censored > 0).map((s) => ({ x: x(s.time), y: y(s.survival) }));
  return { group: curve.group ?? 'All', colour, path, band, censored };
}
