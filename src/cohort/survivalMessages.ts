// The survival estimators' errors in words, for the command line (`recist survival`) and the cohort screen alike,
// so a refusal reads the same in both. `lines` maps a record's index to its line in the CSV it came from.
import { assertNever } from '../shared/assertNever';
import type { SurvivalError } from '../survival/types';

/** The estimators' errors in words, with CSV lines for record indices. */
export function describeSurvivalError(error: SurvivalError, lines: readonly number[]): string {
  const line = (index: number) => `line ${lines[index] ?? index + 2}`;
  switch (error.code) {
    case 'NO_RECORDS':
      return 'no rows';
    case 'INVALID_TIME':
      return `${line(error.index)}: time ${error.time} is not a follow-up time (finite, >= 0)`;
    case 'NO_EVENTS':
      return 'nobody had the event (every row is censored), so there is nothing to estimate';
    case 'MISSING_GROUP':
      return `${line(error.index)}: no group`;
    case 'UNKNOWN_GROUP':
      return `${line(error.index)}: group "${error.group}" is not one of those asked for`;
    case 'EMPTY_GROUP':
      return `group "${error.group}" has nobody`;
    case 'TOO_FEW_GROUPS':
      return 'needs at least two groups with patients at risk at an event time';
    case 'NO_COVARIATES':
      return 'no covariates to fit';
    case 'MISSING_COVARIATE':
      return `${line(error.index)}: covariate "${error.covariate}" is missing or not a number`;
    case 'SINGULAR_INFORMATION':
      return `cannot separate the effect of ${error.names.join(', ')} from the others (collinear or constant)`;
    case 'NOT_CONVERGED':
      return 'did not converge; a hazard ratio is probably infinite (a covariate separates events from non-events)';
    default:
      return assertNever(error, 'survival error');
  }
}
