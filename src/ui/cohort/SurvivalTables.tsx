// The numbers beside the plot: per group n, events and median with its 95 % CI; the log-rank test; the Cox model.
import type { AnalysisView } from '../../cohort/cohortView';

/** The group's colour on the plot (an SVG attribute: the page's CSP allows no inline style). */
const Swatch = ({ colour }: { readonly colour: string }) => (
  <svg className="cohort-swatch" width={12} height={12} aria-hidden="true"><rect width={12} height={12} rx={2} fill={colour} /></svg>
);

export function GroupTable({ groups }: { readonly groups: AnalysisView['groups'] }) {
  if (!groups.ok) return <p className="cohort-note" role="status">{groups.message}</p>;
  return (
    <table className="cohort-table" aria-label="Median survival by group">
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">n</th>
          <th scope="col">Events</th>
          <th scope="col">Median (95 % CI), days</th>
          <th scope="col">Median, months</th>
        </tr>
      </thead>
      <tbody>
        {groups.rows.map((g) => (
          <tr key={g.group} data-group={g.group}>
            <th scope="row"><Swatch colour={g.colour} />{g.group}</th>
            <td>{g.n}</td>
            <td>{g.events}</td>
            <td><span data-value="median">{g.median}</span> (<span data-value="ci">{g.ci}</span>)</td>
            <td>{g.medianMonths}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LogRankLine({ test }: { readonly test: AnalysisView['logRank'] }) {
  if (!test.ok) return <p className="cohort-note" data-testid="log-rank">{test.message}</p>;
  return (
    <p className="cohort-test" data-testid="log-rank">
      Log-rank test: χ² = <span data-value="chi-square">{test.chiSquare}</span> on <span data-value="df">{test.df}</span> df,
      p = <span data-value="p">{test.p}</span>
    </p>
  );
}

export function CoxTable({ cox }: { readonly cox: AnalysisView['cox'] }) {
  if (!cox.ok) return <p className="cohort-note" data-testid="cox">{cox.message}</p>;
  return (
    <>
      <table className="cohort-table" aria-label="Cox proportional hazards model" data-testid="cox">
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Hazard ratio</th>
            <th scope="col">95 % CI</th>
            <th scope="col">p</th>
          </tr>
        </thead>
        <tbody>
          {cox.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.hr}</td>
              <td>{r.ci}</td>
              <td>{r.p}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cohort-note">{cox.n}. {cox.tests}.</p>
    </>
  );
}
