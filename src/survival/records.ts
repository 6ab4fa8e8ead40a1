// Checks shared by every estimator, the order of groups, and a canonical record order: the estimators sum in
// that order, so their results are the same to the last bit whatever order the rows came in.
import { err, ok, type Result } from '../shared/result';
import type { SurvivalError, SurvivalRecord } from './types';

/** Every record has a finite time >= 0, and there is at least one record. */
export function checkRecords(records: readonly SurvivalRecord[]): Result<true, SurvivalError> {
  if (records.length === 0) return err({ code: 'NO_RECORDS' });
  const bad = records.findIndex((r) => !(Number.isFinite(r.time) && r.time >= 0));
  return bad >= 0 ? err({ code: 'INVALID_TIME', index: bad, time: (records[bad] as SurvivalRecord).time }) : ok(true);
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The order groups are listed in when the caller gives none: numerically when every label is a number (arm "2"
 * before "10", as R orders a numeric factor), otherwise by UTF-16 code units. R sorts character labels by the
 * locale's collation, which agrees for labels of one letter case.
 */
export function sortGroupLabels(labels: Iterable<string>): string[] {
  const unique = [...new Set(labels)];
  if (unique.every((l) => NUMERIC.test(l.trim()))) return unique.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  return unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The groups to report, in order: `levels` when given (each must have somebody, and no record may name another
 * group), otherwise the records' own labels sorted by sortGroupLabels. Every record must have a group.
 */
export function groupLevels(records: readonly SurvivalRecord[], levels?: readonly string[]): Result<string[], SurvivalError> {
  const missing = records.findIndex((r) => r.group === undefined);
  if (missing >= 0) return err({ code: 'MISSING_GROUP', index: missing });
  const present = new Set(records.map((r) => r.group as string));
  if (levels === undefined) return ok(sortGroupLabels(present));
  const allowed = new Set(levels);
  const unknown = records.findIndex((r) => !allowed.has(r.group as string));
  if (unknown >= 0) return err({ code: 'UNKNOWN_GROUP', index: unknown, group: (records[unknown] as SurvivalRecord).group as string });
  const empty = levels.find((l) => !present.has(l));
  return empty !== undefined ? err({ code: 'EMPTY_GROUP', group: empty }) : ok([...levels]);
}

/**
 * Records sorted by time, then event (censored first), then the given covariates and the group: a total order on
 * everything an estimator reads, so identical inputs in any row order give identical sums.
 */
export function canonicalOrder<T extends SurvivalRecord>(records: readonly T[], covariates: readonly string[] = []): T[] {
  return [...records].sort((a, b) => {
    if (a.time !== b.time) return a.time - b.time;
    if (a.event !== b.event) return a.event ? 1 : -1;
    for (const name of covariates) {
      const x = a.covariates?.[name] ?? 0;
      const y = b.covariates?.[name] ?? 0;
      if (x !== y) return x - y;
    }
    const g = a.group ?? '';
    const h = b.group ?? '';
    return g < h ? -1 : g > h ? 1 : 0;
  });
}
