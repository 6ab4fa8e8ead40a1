// The Kaplan-Meier product-limit estimate with Greenwood's variance, one row per distinct time as R's
// survfit(Surv(time, event) ~ group) stores it (censoring-only times included).
//   S(t) = prod over event times t_j <= t of (1 - d_j / n_j)          (Kaplan & Meier 1958, JASA 53:457-481)
//   var log S(t) = sum over t_j <= t of d_j / (n_j (n_j - d_j))        (Greenwood 1926)
// with n_j the number at risk just before t_j (time >= t_j) and d_j the events at t_j.
import { ok, type Result } from '../shared/result';
import { confidenceLimits } from './confidenceInterval';
import { normalQuantile } from './distributions';
import { medianSurvival, type MedianSurvival } from './medianSurvival';
import { canonicalOrder, checkRecords, groupLevels } from './records';
import type { ConfidenceType, SurvivalError, SurvivalRecord } from './types';

export interface KaplanMeierStep {
  readonly time: number;
  /** Number at risk just before `time`: everybody whose time is >= `time`. */
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
  /** Greenwood standard error of S(t) (R's summary.survfit std.err); null once S = 0. */
  readonly stdErr: number | null;
  /** Pointwise confidence limits of S(t); null where R shows NA. */
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface KaplanMeierOptions {
  readonly confidenceType?: ConfidenceType;
  /** Confidence level of the pointwise intervals and the median's interval; default 0.95. */
  readonly confidenceLevel?: number;
}

export interface KaplanMeierCurve {
  /** The group's label, or null for a curve of all records. */
  readonly group: string | null;
  readonly n: number;
  readonly events: number;
  readonly confidenceType: ConfidenceType;
  readonly confidenceLevel: number;
  readonly steps: readonly KaplanMeierStep[];
  /** As print(survfit) shows it; null entries are "not reached". */
  readonly median: MedianSurvival;
}

/** One curve of all records, ignoring groups. */
export function kaplanMeier(records: readonly SurvivalRecord[], options: KaplanMeierOptions = {}): Result<KaplanMeierCurve, SurvivalError> {
  const checked = checkRecords(records);
  return checked.ok ? ok(productLimit(records, null, options)) : checked;
}

/** One curve per group, in the order of `levels` (default: sortGroupLabels). */
export function kaplanMeierByGroup(
  records: readonly SurvivalRecord[],
  options: KaplanMeierOptions & { readonly levels?: readonly string[] } = {},
): Result<KaplanMeierCurve[], SurvivalError> {
  const checked = checkRecords(records);
  if (!checked.ok) return checked;
  const levels = groupLevels(records, options.levels);
  if (!levels.ok) return levels;
  return ok(levels.value.map((g) => productLimit(records.filter((r) => r.group === g), g, options)));
}

function productLimit(records: readonly SurvivalRecord[], group: string | null, options: KaplanMeierOptions): KaplanMeierCurve {
  const type = options.confidenceType ?? 'log';
  const level = options.confidenceLevel ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`confidenceLevel must be in (0, 1), got ${level}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const sorted = canonicalOrder(records);
  const steps: KaplanMeierStep[] = [];
  let survival = 1;
  let greenwood = 0;
  for (let i = 0; i < sorted.length; ) {
    const time = (sorted[i] as SurvivalRecord).time;
    const atRisk = sorted.length - i;
    let events = 0;
    let censored = 0;
    for (; i < sorted.length && (sorted[i] as SurvivalRecord).time === time; i++) {
      if ((sorted[i] as SurvivalRecord).event) events++;
      else censored++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk === events ? Infinity : events / (atRisk * (atRisk - events));
    }
    const logStdErr = Math.sqrt(greenwood);
    const limits = confidenceLimits(survival, logStdErr, z, type);
    const stdErr = Number.isFinite(logStdErr) ? logStdErr * survival : null;
    steps.push({ time, atRisk, events, censored, survival, stdErr, ...limits });
  }
  return {
    group,
    n: records.length,
    events: records.filter((r) => r.event).length,
    confidenceType: type,
    confidenceLevel: level,
    steps,
    median: medianSurvival(steps),
  };
}
