// The patients of one analysis: who is in, in which group, with which time and event, and who is left out and why.
// Rules: endpointTime.ts (origin or landmark), responseGroups.ts (responses), covariateGroups.ts (covariates).
// A patient left out is counted under the first reason that applies: the endpoint, then the group.
import { assertNever } from '../shared/assertNever';
import { err, ok, type Result } from '../shared/result';
import type { SurvivalRecord } from '../survival/types';
import { MAX_GROUPS, type CohortChoice, type Grouping } from './cohortChoice';
import { covariateGrouping, type CovariateGrouping } from './covariateGroups';
import { timeFromLandmark, timeFromOrigin, type EndpointTime, type TimeExclusion } from './endpointTime';
import type { CohortRow, CohortTable, CovariateColumn } from './patientCsv';
import { RESPONSE_LEVELS, responseGroup } from './responseGroups';

export type ExclusionReason = TimeExclusion | 'NO_RESPONSE' | 'NOT_EVALUABLE' | 'MISSING_COVARIATE';

export interface Exclusion {
  readonly reason: ExclusionReason;
  readonly count: number;
}

export type TimeOrigin = { readonly kind: 'origin' } | { readonly kind: 'landmark'; readonly days: number };

/** Why a grouping could not be made at all. */
export type SelectionError =
  | { readonly code: 'NO_LANDMARK' }
  | { readonly code: 'UNKNOWN_COLUMN'; readonly column: string }
  | { readonly code: 'TOO_MANY_GROUPS'; readonly column: string; readonly count: number }
  | { readonly code: 'NO_PATIENTS'; readonly excluded: readonly Exclusion[] };

export interface AnalysedPatient {
  readonly patientId: string;
  /** The patient's line in the CSV, to name it in a message. */
  readonly line: number;
  readonly record: SurvivalRecord & { readonly group: string };
}

export interface CohortSelection {
  readonly patients: readonly AnalysedPatient[];
  /** The groups present, in the order of the table and legend; the first is the Cox model's reference. */
  readonly levels: readonly string[];
  readonly origin: TimeOrigin;
  readonly excluded: readonly Exclusion[];
  /** A numeric covariate used as a continuous Cox term (one curve of everybody on the plot). */
  readonly continuous: string | null;
  /** The median of a median split. */
  readonly median: number | null;
}

/** The label of the single curve when a covariate is continuous. */
export const ALL_PATIENTS = 'All patients';

export function selectPatients(table: CohortTable, choice: CohortChoice): Result<CohortSelection, SelectionError> {
  const { grouping, endpoint } = choice;
  const landmark = table.landmarkDays;
  if (grouping.kind === 'landmark' && landmark === null) return err({ code: 'NO_LANDMARK' });
  const origin: TimeOrigin = grouping.kind === 'landmark' && landmark !== null ? { kind: 'landmark', days: landmark } : { kind: 'origin' };
  const timeOf = (row: CohortRow): EndpointTime =>
    origin.kind === 'landmark' ? timeFromLandmark(row, endpoint, origin.days) : timeFromOrigin(row, endpoint);

  const excluded = new Map<ExclusionReason, number>();
  const leaveOut = (reason: ExclusionReason) => excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  const timed: { row: CohortRow; time: number; event: boolean }[] = [];
  for (const row of table.rows) {
    const t = timeOf(row);
    if ('excluded' in t) leaveOut(t.excluded);
    else timed.push({ row, ...t });
  }

  const groups = groupsOf(table, grouping, timed.map((t) => t.row));
  if (!groups.ok) return groups;
  const { kind } = groups.value;
  const patients: AnalysedPatient[] = [];
  for (const { row, time, event } of timed) {
    const group = groups.value.groupOf(row);
    if (typeof group !== 'string') leaveOut(group.excluded);
    else patients.push({ patientId: row.patientId, line: row.line, record: { time, event, group, ...(kind.continuous === null ? {} : { covariates: kind.covariates(row) }) } });
  }
  const exclusions = [...excluded].map(([reason, count]) => ({ reason, count }));
  if (patients.length === 0) return err({ code: 'NO_PATIENTS', excluded: exclusions });
  const present = new Set(patients.map((p) => p.record.group));
  return ok({
    patients,
    levels: groups.value.levels.filter((l) => present.has(l)),
    origin,
    excluded: exclusions,
    continuous: kind.continuous,
    median: kind.median,
  });
}

interface Groups {
  readonly levels: readonly string[];
  readonly groupOf: (row: CohortRow) => string | { readonly excluded: ExclusionReason };
  readonly kind: { continuous: string | null; median: number | null; covariates: (row: CohortRow) => Record<string, number> };
}

const NOT_CONTINUOUS = { continuous: null, median: null, covariates: () => ({}) };

function groupsOf(table: CohortTable, grouping: Grouping, rows: readonly CohortRow[]): Result<Groups, SelectionError> {
  switch (grouping.kind) {
    case 'landmark':
    case 'best-response': {
      const response = (row: CohortRow) => (grouping.kind === 'landmark' ? row.landmarkResponse : row.bestOverallResponse);
      return ok({
        levels: RESPONSE_LEVELS[grouping.split],
        groupOf: (row) => {
          const g = responseGroup(response(row), grouping.split);
          return 'group' in g ? g.group : { excluded: g.excluded };
        },
        kind: NOT_CONTINUOUS,
      });
    }
    case 'covariate': {
      const column = table.covariates.find((c) => c.name === grouping.column);
      if (column === undefined) return err({ code: 'UNKNOWN_COLUMN', column: grouping.column });
      const cell = (row: CohortRow) => row.covariates[column.name] ?? '';
      const values = rows.map(cell).filter((v) => v !== '');
      const made: CovariateGrouping = values.length === 0 ? { kind: 'continuous' } : covariateGrouping(column, grouping.use, values);
      return covariateGroups(column, made, cell);
    }
    default:
      return assertNever(grouping, 'grouping');
  }
}

function covariateGroups(column: CovariateColumn, made: CovariateGrouping, cell: (row: CohortRow) => string): Result<Groups, SelectionError> {
  const missing = { excluded: 'MISSING_COVARIATE' } as const;
  if (made.kind === 'continuous') {
    return ok({
      levels: [ALL_PATIENTS],
      groupOf: (row) => (cell(row) === '' ? missing : ALL_PATIENTS),
      kind: { continuous: column.name, median: null, covariates: (row) => ({ [column.name]: Number(cell(row)) }) },
    });
  }
  if (made.levels.length > MAX_GROUPS) return err({ code: 'TOO_MANY_GROUPS', column: column.name, count: made.levels.length });
  return ok({
    levels: made.levels,
    groupOf: (row) => (cell(row) === '' ? missing : made.groupOf(cell(row))),
    kind: { ...NOT_CONTINUOUS, median: made.median },
  });
}
