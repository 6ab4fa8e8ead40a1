// The log-rank test of k groups, as R's survdiff(Surv(time, event) ~ group) with rho = 0 (Mantel 1966; Peto &
// Peto 1972). At each distinct event time t with n at risk and d events, n_g of them in group g:
//   E_g  = sum d n_g / n                                              expected events
//   V_gh = sum d (n - d) / (n^2 (n - 1)) * n_g (n [g = h] - n_h)       hypergeometric (Mantel-Haenszel) covariance
// and chi^2 = (O - E)' V^- (O - E) on k - 1 df, using the groups with E > 0 and dropping the first of them to
// make V invertible (the statistic does not depend on which is dropped).
import { err, ok, type Result } from '../shared/result';
import { chiSquareSurvival } from './distributions';
import { ldlDecompose, ldlSolve } from './linearAlgebra';
import { canonicalOrder, checkRecords, groupLevels } from './records';
import type { ChiSquareTest, SurvivalError, SurvivalRecord } from './types';

export interface LogRankGroup {
  readonly group: string;
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
}

export interface LogRankTest extends ChiSquareTest {
  readonly groups: readonly LogRankGroup[];
  /** V, in the order of `groups`. */
  readonly variance: readonly (readonly number[])[];
}

export function logRank(records: readonly SurvivalRecord[], options: { readonly levels?: readonly string[] } = {}): Result<LogRankTest, SurvivalError> {
  const checked = checkRecords(records);
  if (!checked.ok) return checked;
  const levels = groupLevels(records, options.levels);
  if (!levels.ok) return levels;
  if (!records.some((r) => r.event)) return err({ code: 'NO_EVENTS' });
  const names = levels.value;
  const k = names.length;
  const index = new Map(names.map((g, i) => [g, i]));
  const sorted = canonicalOrder(records);

  const atRisk = names.map((g) => records.filter((r) => r.group === g).length);
  const n = atRisk.slice();
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = names.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < sorted.length; ) {
    const time = (sorted[i] as SurvivalRecord).time;
    const total = sorted.length - i;
    const deaths = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    for (; i < sorted.length && (sorted[i] as SurvivalRecord).time === time; i++) {
      const r = sorted[i] as SurvivalRecord;
      const g = index.get(r.group as string) as number;
      leaving[g] = (leaving[g] as number) + 1;
      if (r.event) deaths[g] = (deaths[g] as number) + 1;
    }
    const d = deaths.reduce((a, b) => a + b, 0);
    if (d > 0) {
      const factor = total > 1 ? (d * (total - d)) / (total * total * (total - 1)) : 0;
      for (let g = 0; g < k; g++) {
        const ng = atRisk[g] as number;
        observed[g] = (observed[g] as number) + (deaths[g] as number);
        expected[g] = (expected[g] as number) + (d * ng) / total;
        const row = variance[g] as number[];
        for (let h = 0; h < k; h++) row[h] = (row[h] as number) + factor * ng * ((g === h ? total : 0) - (atRisk[h] as number));
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] = (atRisk[g] as number) - (leaving[g] as number);
  }

  const used = names.map((_, g) => g).filter((g) => (expected[g] as number) > 0);
  if (used.length < 2) return err({ code: 'TOO_FEW_GROUPS', groups: used.length });
  const kept = used.slice(1);
  const difference = kept.map((g) => (observed[g] as number) - (expected[g] as number));
  const factor = ldlDecompose(kept.map((g) => kept.map((h) => (variance[g] as number[])[h] as number)));
  // Singular when every event time of a group emptied its whole risk set (d = n): nothing to compare.
  if (!factor.ok) return err({ code: 'SINGULAR_INFORMATION', names: factor.singular.map((i) => names[kept[i] as number] as string) });
  const solved = ldlSolve(factor, difference);
  const statistic = solved.reduce((sum, x, i) => sum + x * (difference[i] as number), 0);
  const df = used.length - 1;
  return ok({
    groups: names.map((group, g) => ({ group, n: n[g] as number, observed: observed[g] as number, expected: expected[g] as number })),
    variance,
    statistic,
    df,
    pValue: chiSquareSurvival(statistic, df),
  });
}
