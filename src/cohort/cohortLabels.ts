// Names of the cohort screen's choices, and the choices a file allows: the screen's select boxes are built from
// these, and a choice is kept as a value (CohortChoice), never as the text of a select.
import { assertNever } from '../shared/assertNever';
import { MAX_GROUPS, type CohortChoice, type Endpoint, type Grouping, type NumericUse, type ResponseSplit } from './cohortChoice';
import type { CohortTable, CovariateColumn } from './patientCsv';
import type { TimeOrigin } from './selectPatients';

export const ENDPOINT_LABELS: Record<Endpoint, string> = { os: 'Overall survival', pfs: 'Progression-free survival' };

export const SPLIT_LABELS: Record<ResponseSplit, string> = {
  'cr-pr/sd/pd': 'CR/PR vs SD vs PD',
  responders: 'Responders (CR/PR) vs non-responders',
};

export const NUMERIC_USE_LABELS: Record<NumericUse, string> = {
  median: 'Split at the median',
  values: 'One group per value',
  continuous: 'Continuous (Cox, per unit)',
};

export interface Option {
  readonly value: string;
  readonly label: string;
}

const COVARIATE = 'covariate:';

/** The grouping select's value of a grouping (its response split or numeric use is a second select). */
export function groupingKey(grouping: Grouping): string {
  return grouping.kind === 'covariate' ? `${COVARIATE}${grouping.column}` : grouping.kind;
}

export function groupingOptions(table: CohortTable): Option[] {
  const landmark = table.landmarkDays === null ? 'the landmark' : `day ${table.landmarkDays}`;
  return [
    ...(table.landmarkDays === null ? [] : [{ value: 'landmark', label: `Response at the landmark (${landmark})` }]),
    { value: 'best-response', label: 'Best overall response (no landmark, biased)' },
    ...table.covariates.map((c) => ({ value: `${COVARIATE}${c.name}`, label: `${c.name}${c.kind === 'numeric' ? ' (number)' : ''}` })),
  ];
}

/** The grouping a select value stands for, keeping the current split or numeric use where it still applies. */
export function groupingFromKey(key: string, current: Grouping): Grouping {
  const split: ResponseSplit = current.kind === 'covariate' ? 'cr-pr/sd/pd' : current.split;
  if (key === 'landmark' || key === 'best-response') return { kind: key, split };
  if (key.startsWith(COVARIATE)) return { kind: 'covariate', column: key.slice(COVARIATE.length), use: 'median' };
  throw new RangeError(`unknown grouping key ${key}`);
}

/** The uses a numeric column allows: one group per value only for a few values. */
export function numericUses(column: CovariateColumn): NumericUse[] {
  return column.values.length <= MAX_GROUPS ? ['median', 'values', 'continuous'] : ['median', 'continuous'];
}

export function timeFromLabel(origin: TimeOrigin): string {
  return origin.kind === 'landmark' ? `from the landmark (day ${origin.days})` : 'from the origin';
}

export function groupingLabel(grouping: Grouping): string {
  switch (grouping.kind) {
    case 'landmark':
      return `response at the landmark: ${SPLIT_LABELS[grouping.split]}`;
    case 'best-response':
      return `best overall response (no landmark): ${SPLIT_LABELS[grouping.split]}`;
    case 'covariate':
      return grouping.use === 'continuous' ? `${grouping.column} (continuous)` : grouping.column;
    default:
      return assertNever(grouping, 'grouping');
  }
}

/** "Overall survival from the landmark (day 91)" and "by response at the landmark: CR/PR vs SD vs PD". */
export function analysisTitle(choice: CohortChoice, origin: TimeOrigin): { readonly title: string; readonly subtitle: string } {
  return { title: `${ENDPOINT_LABELS[choice.endpoint]} ${timeFromLabel(origin)}`, subtitle: `by ${groupingLabel(choice.grouping)}` };
}

/** A file name stem for the downloads: "cohort-os-landmark-cr-pr-sd-pd". */
export function fileStem(choice: CohortChoice): string {
  const g = choice.grouping;
  const what = g.kind === 'covariate' ? `${g.column}-${g.use}` : `${g.kind}-${g.split}`;
  return `cohort-${choice.endpoint}-${what}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '');
}
