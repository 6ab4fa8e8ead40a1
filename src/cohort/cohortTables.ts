// The cohort screen's tables as CSV files (src/shared/csv.ts), full precision, one tidy table per file so R or a
// spreadsheet reads each directly: groups (with the log-rank test), the Cox model, the numbers at risk, and the
// analysed patients themselves (to rerun the analysis elsewhere).
import { writeCsv } from '../shared/csv';
import { groupSummaries, type CohortAnalysis } from './analyseCohort';
import { DAYS_PER_MONTH } from './cohortChoice';
import type { PlotModel } from './plotModel';

const cell = (x: number | null | undefined): string => (x === null || x === undefined ? '' : String(x));

export function groupsCsv(analysis: CohortAnalysis): string {
  const rows = groupSummaries(analysis);
  const test = 'ok' in analysis.logRank && analysis.logRank.ok ? analysis.logRank.value : null;
  const header = ['group', 'n', 'events', 'median_days', 'median_lower_95', 'median_upper_95', 'observed', 'expected', 'logrank_chisq', 'logrank_df', 'logrank_p'];
  const body = rows.ok
    ? rows.value.map((g) => [
        g.group, cell(g.n), cell(g.events), cell(g.median), cell(g.lower), cell(g.upper), cell(g.observed), cell(g.expected),
        cell(test?.statistic), cell(test?.df), cell(test?.pValue),
      ])
    : [];
  return writeCsv(header, body);
}

export function coxCsv(analysis: CohortAnalysis): string {
  const header = ['term', 'comparison', 'coef', 'hazard_ratio', 'hr_lower_95', 'hr_upper_95', 'se', 'z', 'p'];
  if ('notApplicable' in analysis.cox || !analysis.cox.model.ok) return writeCsv(header, []);
  const { terms, model } = analysis.cox;
  return writeCsv(header, model.value.coefficients.map((c) => {
    const label = terms.find((t) => t.name === c.name)?.label ?? c.name;
    return [c.name, label, cell(c.coef), cell(c.hazardRatio), cell(c.lower), cell(c.upper), cell(c.se), cell(c.z), cell(c.p)];
  }));
}

export function atRiskCsv(plot: PlotModel): string {
  const rows = plot.atRisk.rows.flatMap((r) => r.cells.map((c) => [r.group, cell(c.days), cell(c.days / DAYS_PER_MONTH), cell(c.n)]));
  return writeCsv(['group', 'time_days', 'time_months', 'at_risk'], rows);
}

/** The analysed patients: what R needs to reproduce every number (survfit(Surv(time, event) ~ group)). */
export function patientsCsv(analysis: CohortAnalysis): string {
  const { selection } = analysis;
  const continuous = selection.continuous;
  const header = ['patient_id', 'group', 'time_days', 'event', ...(continuous === null ? [] : [continuous])];
  return writeCsv(header, selection.patients.map((p) => [
    p.patientId, p.record.group, cell(p.record.time), p.record.event ? '1' : '0',
    ...(continuous === null ? [] : [cell(p.record.covariates?.[continuous])]),
  ]));
}
