// Every word the cohort screen says about a refused file, a grouping it cannot make, patients left out, and the
// bias of grouping by an outcome that takes time to happen (STYLE.md, principle 3: wording in one place).
import { assertNever } from '../shared/assertNever';
import { describeCsvParseError } from '../shared/csv';
import type { Endpoint } from './cohortChoice';
import type { CellProblem, CohortCsvError } from './patientCsv';
import type { ExclusionReason, SelectionError } from './selectPatients';

export interface Words {
  readonly title: string;
  readonly message: string;
  /** One line per problem, when there are several. */
  readonly details: readonly string[];
}

const EXPECTED: Record<CellProblem['expected'], string> = {
  DAYS: 'a number of days (0 or more)',
  EVENT: '1 (event) or 0 (censored)',
  RESPONSE: 'a RECIST response (CR, PR, SD, NON-CR/NON-PD, PD or NE)',
  PATIENT_ID: 'a patient id',
  FIELD_COUNT: 'as many fields as the header',
};

function describeCell(p: CellProblem): string {
  if (p.column === null) return `line ${p.line}: ${p.value} fields, but the header has a different number`;
  return `line ${p.line}, column "${p.column}": ${p.value === '' ? 'empty' : `"${p.value}"`} is not ${EXPECTED[p.expected]}`;
}

export function describeCohortCsvError(error: CohortCsvError, file: string): Words {
  const title = `${file} cannot be analysed`;
  switch (error.code) {
    case 'CSV_SYNTAX':
      return { title, message: `Line ${error.line}: ${describeCsvParseError({ code: error.problem, line: error.line })}.`, details: [] };
    case 'EMPTY_FILE':
      return { title, message: 'The file is empty.', details: [] };
    case 'MISSING_COLUMNS':
      return {
        title,
        message: `It is not a patient CSV for survival analysis: the column${error.missing.length === 1 ? '' : 's'} ${error.missing.map((c) => `"${c}"`).join(', ')} ${error.missing.length === 1 ? 'is' : 'are'} missing. Export the patient CSV from the reading screen, or use its columns.`,
        details: [],
      };
    case 'NO_ROWS':
      return { title, message: 'The file has a header but no patients.', details: [] };
    case 'BAD_CELLS':
      return {
        title,
        message: `${error.total} cell${error.total === 1 ? ' is' : 's are'} not what the column holds; nothing was analysed. Fix ${error.total === 1 ? 'it' : 'them'} and open the file again.`,
        details: [...error.problems.map(describeCell), ...(error.total > error.problems.length ? [`… and ${error.total - error.problems.length} more`] : [])],
      };
    case 'MIXED_LANDMARKS':
      return { title, message: `The rows use different landmarks (days ${error.days.join(', ')}); export them with one landmark.`, details: [] };
    default:
      return assertNever(error, 'cohort CSV error');
  }
}

/** Patients left out, as "12 not evaluable (NE)"; the count comes first. */
export function describeExclusion(reason: ExclusionReason, count: number, endpoint: Endpoint, landmarkDays: number | null): string {
  const day = landmarkDays === null ? 'the landmark' : `day ${landmarkDays}`;
  const event = endpoint === 'os' ? 'died' : 'progressed or died';
  switch (reason) {
    case 'UNKNOWN_ENDPOINT':
      return `${count} without ${endpoint === 'os' ? 'overall' : 'progression-free'} survival data`;
    case 'NOT_AT_RISK_AT_LANDMARK':
      return `${count} not followed up to ${day} (died or lost before the landmark)`;
    case 'EVENT_BY_LANDMARK':
      return `${count} ${event} by ${day}`;
    case 'CENSORED_BEFORE_LANDMARK':
      return `${count} with no assessment reaching ${day} (progression status at the landmark unknown)`;
    case 'NO_RESPONSE':
      return `${count} without a response`;
    case 'NOT_EVALUABLE':
      return `${count} not evaluable (NE)`;
    case 'MISSING_COVARIATE':
      return `${count} without a value in the column`;
    default:
      return assertNever(reason, 'exclusion reason');
  }
}

export function describeSelectionError(error: SelectionError, endpoint: Endpoint, landmarkDays: number | null): Words {
  switch (error.code) {
    case 'NO_LANDMARK':
      return { title: 'No landmark in this file', message: 'The column "landmark_days" is empty, so a landmark analysis is not possible. Choose another grouping.', details: [] };
    case 'UNKNOWN_COLUMN':
      return { title: 'No such column', message: `The file has no covariate column "${error.column}".`, details: [] };
    case 'TOO_MANY_GROUPS':
      return {
        title: 'Too many groups',
        message: `"${error.column}" has ${error.count} different values; a plot of that many curves is unreadable. Split it at the median or use it as a continuous covariate.`,
        details: [],
      };
    case 'NO_PATIENTS':
      return {
        title: 'Nobody to analyse',
        message: 'Every patient was left out of this analysis:',
        details: error.excluded.map((e) => describeExclusion(e.reason, e.count, endpoint, landmarkDays)),
      };
    default:
      return assertNever(error, 'selection error');
  }
}

export const GUARANTEE_TIME_WARNING: Words = {
  title: 'Guarantee-time bias: this comparison favours responders even when treatment does nothing',
  message:
    'A patient must live long enough to reach a scan that shows a response; a patient who dies early has no time to ' +
    'become a responder. Grouping by best overall response from the start of follow-up therefore counts the ' +
    'responders\' survival before their response in their favour ("immortal time"), and the curves separate even ' +
    'with no real effect (Anderson, Cain & Gelber, J Clin Oncol 1983). Use the landmark grouping instead: it only ' +
    'compares patients still followed at the landmark, by the response known then, with the clock restarted there.',
  details: [],
};

/** Cycles accrue while the patient is followed: the same bias as best response, for the same reason. */
export const ACCRUED_DURING_FOLLOW_UP_WARNING: Words = {
  title: 'Guarantee-time bias: the number of cycles grows with survival',
  message:
    'Patients who live longer receive more cycles, so grouping by cycles counted over the whole follow-up makes more ' +
    'cycles look protective even with no effect. Compare by a value known at the start (or at a landmark) instead.',
  details: [],
};

/** Columns whose value is accrued during follow-up (the export's `cycles`). */
export const ACCRUED_COLUMNS: ReadonlySet<string> = new Set(['cycles']);

/** The demo could not be fetched, a chosen file could not be read, or a download could not be made. */
export type CohortLoadFailure =
  | { readonly code: 'DEMO_UNAVAILABLE'; readonly detail: string }
  | { readonly code: 'FILE_UNREADABLE'; readonly file: string; readonly detail: string }
  | { readonly code: 'PNG_FAILED'; readonly detail: string };

export function describeLoadFailure(failure: CohortLoadFailure): Words {
  switch (failure.code) {
    case 'DEMO_UNAVAILABLE':
      return { title: 'The demo cohort is not available', message: 'It could not be fetched. You can still open a patient CSV from this computer.', details: [failure.detail] };
    case 'FILE_UNREADABLE':
      return { title: `${failure.file} could not be read`, message: 'The file may have been moved, deleted or not permitted. Choose it again.', details: [failure.detail] };
    case 'PNG_FAILED':
      return { title: 'The PNG could not be made', message: 'The browser did not draw the plot into an image; the SVG download still works.', details: [failure.detail] };
    default:
      return assertNever(failure, 'cohort load failure');
  }
}
