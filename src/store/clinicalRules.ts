// The rules of a patient's clinical data (treatment start and cycles, death, last known alive, covariates), in one
// place for the form, the CSV import and the restore step. Pure: the repository reads the baseline date and calls
// these inside its transaction.
import { isIsoDate } from '../shared/isoDate';
import type { CovariateValue, IsoDate, PatientRow } from '../tracking/types';

/** The clinical columns of the import CSV, also the names problems give the fields. */
export const CLINICAL_COLUMNS = ['treatment_start', 'cycles', 'death_date', 'last_alive_date'] as const;
export type ClinicalColumn = (typeof CLINICAL_COLUMNS)[number];

/** The clinical fields of a patient row. */
export type ClinicalData = Pick<PatientRow, 'treatmentDate' | 'treatmentCycles' | 'deathDate' | 'lastKnownAliveDate' | 'covariates'>;

/**
 * A change to the clinical data: a field left undefined stays as it is, null removes it. Covariates are merged by
 * name (null removes that covariate), so an import of one column leaves the others alone.
 */
export interface ClinicalChanges {
  readonly treatmentDate?: IsoDate | null;
  readonly treatmentCycles?: number | null;
  readonly deathDate?: IsoDate | null;
  readonly lastKnownAliveDate?: IsoDate | null;
  readonly covariates?: Readonly<Record<string, CovariateValue | null>>;
}

/** One line of a clinical-data import: the changes for one patient. */
export interface ClinicalImportLine {
  /** The CSV line, named in every problem. */
  readonly line: number;
  readonly patientId: string;
  readonly changes: ClinicalChanges;
}

export type ClinicalProblemCode =
  /** A date field is not a real calendar date written YYYY-MM-DD. */
  | 'NOT_A_DATE'
  /** cycles is not a whole number >= 0. */
  | 'NOT_A_COUNT'
  /** The death date is before the patient's baseline scan (`limit`). */
  | 'DEATH_BEFORE_BASELINE'
  /** The last-known-alive date is after the death date (`limit`). */
  | 'LAST_ALIVE_AFTER_DEATH'
  /** A covariate name that is not a plain column name (letter first, then letters, digits, _; at most 64). */
  | 'BAD_COVARIATE_NAME'
  /** A covariate name that is already a column of the exports (patient_id, pfs_days, ...). */
  | 'RESERVED_COVARIATE_NAME'
  /** A covariate value that is neither text nor a finite number. */
  | 'BAD_COVARIATE_VALUE'
  // The CSV import only:
  /** Broken CSV quoting (RFC 4180). */
  | 'CSV_SYNTAX'
  | 'EMPTY_FILE'
  | 'NO_PATIENT_COLUMN'
  | 'DUPLICATE_COLUMN'
  /** A line with another number of fields than the header. */
  | 'FIELD_COUNT'
  | 'EMPTY_PATIENT_ID'
  /** No patient with this id in the database: clinical data is imported for patients already recorded. */
  | 'UNKNOWN_PATIENT'
  /** The same patient on two lines (`limit` is the other line). */
  | 'DUPLICATE_PATIENT';

export interface ClinicalProblem {
  readonly code: ClinicalProblemCode;
  /** The CSV line (imports only). */
  readonly line?: number;
  /** The column: one of CLINICAL_COLUMNS, patient_id, or the covariate's name. */
  readonly column?: string;
  /** The value as given. */
  readonly value?: string;
  /** What the value was checked against: the baseline date, the death date, the other line. */
  readonly limit?: string;
}

/** Clinical data refused: every problem, nothing written. */
export interface ClinicalDataError {
  readonly code: 'CLINICAL_DATA_INVALID';
  readonly problems: readonly ClinicalProblem[];
}

/**
 * Column names of the exports that a covariate may not take (the patient CSV appends covariates as columns). A test
 * in test/export keeps this list in step with the export's columns.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'patient_id', 'name', 'study_code', ...CLINICAL_COLUMNS,
  'origin_date', 'baseline_date', 'best_overall_response', 'bor_confirmed', 'progression_date', 'last_assessment_date',
  'pfs_days', 'pfs_event', 'pfs_event_type', 'os_days', 'os_event', 'landmark_days', 'landmark_at_risk',
  'landmark_response', 'landmark_os_days', 'landmark_os_event', 'response_source', 'measurement_source',
]);

// A name R, pandas, SAS and SPSS all take as it is: R's read.csv would otherwise rewrite "ECOG PS" to "ECOG.PS".
const COVARIATE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** A whole decimal number without leading zeros ("007" stays text: it is a code, not a number). */
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A covariate value as typed or read from CSV: a number when it reads as one, otherwise text; blank is none. */
export function covariateValueFromText(text: string): CovariateValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : trimmed;
}

export function covariateNameProblem(name: string): ClinicalProblemCode | undefined {
  if (!COVARIATE_NAME.test(name)) return 'BAD_COVARIATE_NAME';
  if (RESERVED_NAMES.has(name.toLowerCase())) return 'RESERVED_COVARIATE_NAME';
  return undefined;
}

const isCovariateValue = (v: unknown): v is CovariateValue =>
  (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));

/** True for a stored covariates object the restore step can hand out (the write rules are checked on writes). */
export function isCovariates(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([name, v]) => COVARIATE_NAME.test(name) && isCovariateValue(v));
}

export const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The row with the changes applied; removed fields are left out of the row, not set to undefined. */
export function applyClinicalChanges(row: PatientRow, changes: ClinicalChanges): PatientRow {
  const next: Record<string, unknown> = { ...row };
  const set = (field: keyof ClinicalData, value: unknown) => {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  };
  set('treatmentDate', changes.treatmentDate);
  set('treatmentCycles', changes.treatmentCycles);
  set('deathDate', changes.deathDate);
  set('lastKnownAliveDate', changes.lastKnownAliveDate);
  if (changes.covariates !== undefined) {
    const covariates: Record<string, CovariateValue> = { ...row.covariates };
    for (const [name, value] of Object.entries(changes.covariates)) {
      if (value === null) delete covariates[name];
      else covariates[name] = value;
    }
    set('covariates', Object.keys(covariates).length > 0 ? covariates : null);
  }
  // Every field of PatientRow is either copied from `row` or one of the checked clinical fields just set.
  return next as unknown as PatientRow;
}

/**
 * Every rule the clinical data of one patient breaks, given the date of its baseline scan (undefined when the
 * patient has no time point yet: death is then checked against nothing).
 */
export function clinicalProblems(data: ClinicalData, baselineDate: IsoDate | undefined): ClinicalProblem[] {
  const problems: ClinicalProblem[] = [];
  const date = (column: ClinicalColumn, value: unknown) => {
    if (value !== undefined && !(typeof value === 'string' && isIsoDate(value))) problems.push({ code: 'NOT_A_DATE', column, value: String(value) });
  };
  date('treatment_start', data.treatmentDate);
  date('death_date', data.deathDate);
  date('last_alive_date', data.lastKnownAliveDate);
  if (data.treatmentCycles !== undefined && !isCount(data.treatmentCycles)) {
    problems.push({ code: 'NOT_A_COUNT', column: 'cycles', value: String(data.treatmentCycles) });
  }
  const death = data.deathDate !== undefined && isIsoDate(data.deathDate) ? data.deathDate : undefined;
  if (death !== undefined && baselineDate !== undefined && death < baselineDate) {
    problems.push({ code: 'DEATH_BEFORE_BASELINE', column: 'death_date', value: death, limit: baselineDate });
  }
  const alive = data.lastKnownAliveDate;
  if (death !== undefined && alive !== undefined && isIsoDate(alive) && alive > death) {
    problems.push({ code: 'LAST_ALIVE_AFTER_DEATH', column: 'last_alive_date', value: alive, limit: death });
  }
  for (const [name, value] of Object.entries(data.covariates ?? {})) {
    const nameProblem = covariateNameProblem(name);
    if (nameProblem !== undefined) problems.push({ code: nameProblem, column: name, value: name });
    else if (!isCovariateValue(value)) problems.push({ code: 'BAD_COVARIATE_VALUE', column: name, value: String(value) });
  }
  return problems;
}
