// The reader's changes to the cohort screen's controls, as intents applied to the choice (pure, so every rule of
// what a change keeps is testable): a new grouping keeps the response split; a new file keeps endpoint and axis.
import { assertNever } from '../shared/assertNever';
import { DEFAULT_CHOICE, type CohortChoice, type Endpoint, type Grouping, type NumericUse, type ResponseSplit, type TimeUnit } from './cohortChoice';
import { groupingFromKey } from './cohortLabels';
import type { CohortTable } from './patientCsv';

export type ControlChange =
  | { readonly control: 'endpoint'; readonly value: Endpoint }
  | { readonly control: 'grouping'; readonly value: string }
  | { readonly control: 'split'; readonly value: ResponseSplit }
  | { readonly control: 'use'; readonly value: NumericUse }
  | { readonly control: 'unit'; readonly value: TimeUnit };

export function applyControl(choice: CohortChoice, change: ControlChange): CohortChoice {
  const g = choice.grouping;
  switch (change.control) {
    case 'endpoint':
      return { ...choice, endpoint: change.value };
    case 'grouping':
      return { ...choice, grouping: groupingFromKey(change.value, g) };
    case 'split':
      return g.kind === 'covariate' ? choice : { ...choice, grouping: { ...g, split: change.value } };
    case 'use':
      return g.kind === 'covariate' ? { ...choice, grouping: { ...g, use: change.value } } : choice;
    case 'unit':
      return { ...choice, timeUnit: change.value };
    default:
      return assertNever(change, 'control change');
  }
}

/**
 * The choice for a newly opened table: the same endpoint and time axis; the landmark grouping when the file has a
 * landmark, else its first covariate, else the best overall response (whose bias warning then shows).
 */
export function choiceForTable(table: CohortTable, previous: CohortChoice = DEFAULT_CHOICE): CohortChoice {
  const first = table.covariates[0];
  const grouping: Grouping =
    table.landmarkDays !== null ? DEFAULT_CHOICE.grouping
      : first !== undefined ? { kind: 'covariate', column: first.name, use: 'median' }
        : { kind: 'best-response', split: 'cr-pr/sd/pd' };
  return { ...previous, grouping };
}
