// The app's patient CSV for survival analysis (src/export/survivalRow.ts writes it; the demo cohort uses the same
// columns) -> typed rows for the cohort screen. Every column after the patient columns (cycles, arm, age, ...) is a
// covariate, but for the export's metadata (METADATA_COLUMNS). Bad input is refused as a whole, each problem naming its line and column, as readSurvivalCsv does:
// a survival estimate from a silently half-read file would be wrong without anybody knowing. Empty = unknown.
import { type CsvParseError, parseCsv } from '../shared/csv';
import { err, ok, type Result } from '../shared/result';
import { sortGroupLabels } from '../survival/records';

/** The patient columns, as SURVIVAL_COLUMNS of src/export/survivalColumns.ts (test/cohort checks they agree). */
export const PATIENT_COLUMNS = [
  'patient_id', 'origin_date', 'baseline_date', 'best_overall_response', 'bor_confirmed', 'progression_date',
  'last_assessment_date', 'pfs_days', 'pfs_event', 'pfs_event_type', 'os_days', 'os_event', 'landmark_days',
  'landmark_at_risk', 'landmark_response', 'landmark_os_days', 'landmark_os_event',
] as const;

/** The columns the screen reads; the others (dates, confirmed BOR) may be absent from a hand-made file. */
export const REQUIRED_COLUMNS = [
  'patient_id', 'best_overall_response', 'pfs_days', 'pfs_event', 'os_days', 'os_event', 'landmark_days',
  'landmark_at_risk', 'landmark_response', 'landmark_os_days', 'landmark_os_event',
] as const;

/** RECIST 1.1 responses as the engine writes them (NON-CR/NON-PD: non-target disease only). */
export const RESPONSES = ['CR', 'PR', 'SD', 'NON-CR/NON-PD', 'PD', 'NE'] as const;
export type Response = (typeof RESPONSES)[number];

export interface CohortRow {
  readonly line: number;
  readonly patientId: string;
  readonly bestOverallResponse: Response | null;
  readonly pfsDays: number | null;
  readonly pfsEvent: boolean | null;
  readonly osDays: number | null;
  readonly osEvent: boolean | null;
  readonly landmarkAtRisk: boolean | null;
  readonly landmarkResponse: Response | null;
  readonly landmarkOsDays: number | null;
  readonly landmarkOsEvent: boolean | null;
  /** Covariate cells by column name, trimmed; '' is unknown. */
  readonly covariates: Readonly<Record<string, string>>;
}

export interface CovariateColumn {
  readonly name: string;
  /** numeric: every non-empty cell is a number. */
  readonly kind: 'numeric' | 'categorical';
  /** The distinct non-empty values, in sortGroupLabels order (numbers numerically). */
  readonly values: readonly string[];
}

export interface CohortTable {
  readonly rows: readonly CohortRow[];
  readonly covariates: readonly CovariateColumn[];
  /** The landmark day of every row (one per file); null when the column is empty. */
  readonly landmarkDays: number | null;
}

export type CellExpectation = 'DAYS' | 'EVENT' | 'RESPONSE' | 'PATIENT_ID';

export interface CellProblem {
  readonly line: number;
  /** null: the row as a whole (its number of fields). */
  readonly column: string | null;
  readonly value: string;
  readonly expected: CellExpectation | 'FIELD_COUNT';
}

export type CohortCsvError =
  | { readonly code: 'CSV_SYNTAX'; readonly line: number; readonly problem: CsvParseError['code'] }
  | { readonly code: 'EMPTY_FILE' }
  | { readonly code: 'MISSING_COLUMNS'; readonly missing: readonly string[] }
  | { readonly code: 'NO_ROWS' }
  | { readonly code: 'BAD_CELLS'; readonly problems: readonly CellProblem[]; readonly total: number }
  | { readonly code: 'MIXED_LANDMARKS'; readonly days: readonly number[] };

const MAX_PROBLEMS = 20;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Export columns that describe the row rather than the patient (where best_overall_response came from): not offered
 * as covariates.
 */
export const METADATA_COLUMNS = ['response_source', 'measurement_source'] as const;
const KNOWN: ReadonlySet<string> = new Set([...PATIENT_COLUMNS, ...METADATA_COLUMNS]);
const isResponse = (v: string): v is Response => (RESPONSES as readonly string[]).includes(v);

export function readCohortCsv(text: string): Result<CohortTable, CohortCsvError> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return err({ code: 'CSV_SYNTAX', line: parsed.error.line, problem: parsed.error.code });
  const [header, ...records] = parsed.records;
  if (header === undefined) return err({ code: 'EMPTY_FILE' });
  const names = header.fields.map((f) => f.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) return err({ code: 'MISSING_COLUMNS', missing });
  if (records.length === 0) return err({ code: 'NO_ROWS' });

  const problems: CellProblem[] = [];
  const covariateNames = names.filter((n, i) => n !== '' && !KNOWN.has(n) && names.indexOf(n) === i);
  const rows: CohortRow[] = [];
  const landmarks = new Set<number>();
  for (const { line, fields } of records) {
    if (fields.length !== names.length) {
      problems.push({ line, column: null, value: String(fields.length), expected: 'FIELD_COUNT' });
      continue;
    }
    const cell = (column: string) => (fields[names.indexOf(column)] ?? '').trim();
    const read = <T>(column: string, expected: CellExpectation, parse: (v: string) => T | undefined): T | null => {
      const v = cell(column);
      if (v === '') return null;
      const value = parse(v);
      if (value === undefined) problems.push({ line, column, value: v, expected });
      return value ?? null;
    };
    const days = (column: string) => read(column, 'DAYS', (v) => (NUMBER.test(v) && Number(v) >= 0 ? Number(v) : undefined));
    const event = (column: string) => read(column, 'EVENT', (v) => (v === '1' ? true : v === '0' ? false : undefined));
    const response = (column: string) => read(column, 'RESPONSE', (v) => (isResponse(v.toUpperCase()) ? (v.toUpperCase() as Response) : undefined));
    const patientId = cell('patient_id');
    if (patientId === '') problems.push({ line, column: 'patient_id', value: '', expected: 'PATIENT_ID' });
    const landmark = days('landmark_days');
    if (landmark !== null) landmarks.add(landmark);
    rows.push({
      line,
      patientId,
      bestOverallResponse: response('best_overall_response'),
      pfsDays: days('pfs_days'),
      pfsEvent: event('pfs_event'),
      osDays: days('os_days'),
      osEvent: event('os_event'),
      landmarkAtRisk: event('landmark_at_risk'),
      landmarkResponse: response('landmark_response'),
      landmarkOsDays: days('landmark_os_days'),
      landmarkOsEvent: event('landmark_os_event'),
      covariates: Object.fromEntries(covariateNames.map((c) => [c, cell(c)])),
    });
  }
  if (problems.length > 0) return err({ code: 'BAD_CELLS', problems: problems.slice(0, MAX_PROBLEMS), total: problems.length });
  // One landmark per analysis: rows measured from different landmarks cannot share a time axis.
  if (landmarks.size > 1) return err({ code: 'MIXED_LANDMARKS', days: [...landmarks].sort((a, b) => a - b) });
  return ok({ rows, covariates: covariateColumns(rows, covariateNames), landmarkDays: landmarks.values().next().value ?? null });
}

/** The covariates that have a value somewhere, each numeric or categorical. */
function covariateColumns(rows: readonly CohortRow[], names: readonly string[]): CovariateColumn[] {
  return names.flatMap((name) => {
    const values = rows.map((r) => r.covariates[name] ?? '').filter((v) => v !== '');
    if (values.length === 0) return [];
    return [{ name, kind: values.every((v) => NUMBER.test(v)) ? 'numeric' : 'categorical', values: sortGroupLabels(values) }];
  });
}
