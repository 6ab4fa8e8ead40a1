// The per-time-point and per-patient response tables of `recist assess` (and of the app's exports): one place
// names the columns and turns an assessment into cells, so CSV and JSON can never disagree.
import type { AdjudicatedPatient } from '../agreement/adjudication';
import { describeBorderline } from '../recist/borderline';
import { percentChange } from '../recist/explain';
import type { PatientAssessment, TimepointAssessment } from '../recist/types';
import { type Micrometres, toMmRounded } from '../recist/units';

export type Cell = string | number | null | readonly string[];

export const TIMEPOINT_COLUMNS = [
  'patient_id',
  'timepoint',
  'scan_date',
  'days_from_baseline',
  'target_sum_mm',
  'baseline_sum_mm',
  'nadir_sum_mm',
  'change_from_baseline_pct',
  'change_from_nadir_pct',
  'change_from_nadir_mm',
  'target_response',
  'nontarget_response',
  'new_lesions',
  'overall_response',
  'response_source',
  'measurement_source',
  'borderline',
  'warnings',
  'explanation',
] as const;

export const PATIENT_COLUMNS = [
  'patient_id',
  'baseline_date',
  'last_scan_date',
  'best_overall_response',
  'best_response_date',
  'progression_date',
  'response_source',
  'measurement_source',
  'warnings',
] as const;

/**
 * A double read's outputs name the reader of every row, right after patient_id (issue 20); single reads keep the
 * columns they always had.
 */
export function withReaderColumn(columns: readonly string[], assessments: readonly PatientAssessment[]): readonly string[] {
  if (!assessments.some((a) => a.reader !== undefined)) return columns;
  return [columns[0] as string, 'reader', ...columns.slice(1)];
}

export type TimepointRow = Record<(typeof TIMEPOINT_COLUMNS)[number], Cell>;
export type PatientRow = Record<(typeof PATIENT_COLUMNS)[number], Cell>;

const mmOrNull = (v: Micrometres | null): number | null => (v === null ? null : toMmRounded(v));

export function timepointRow(patientId: string, t: TimepointAssessment): TimepointRow {
  const both = t.targetSum !== null && !t.isBaseline;
  return {
    patient_id: patientId,
    timepoint: t.label,
    scan_date: t.scanDate,
    days_from_baseline: t.daysFromBaseline,
    target_sum_mm: mmOrNull(t.targetSum),
    baseline_sum_mm: mmOrNull(t.baselineSum),
    nadir_sum_mm: mmOrNull(t.nadirSum),
    change_from_baseline_pct: both && t.baselineSum !== null ? percentChange(t.targetSum as Micrometres, t.baselineSum) : null,
    change_from_nadir_pct: both && t.nadirSum !== null ? percentChange(t.targetSum as Micrometres, t.nadirSum) : null,
    change_from_nadir_mm: both && t.nadirSum !== null ? toMmRounded(((t.targetSum as number) - t.nadirSum) as Micrometres) : null,
    target_response: t.targetResponse,
    nontarget_response: t.nonTargetResponse,
    new_lesions: t.newLesions,
    overall_response: t.overallResponse,
    response_source: t.responseSource,
    measurement_source: t.measurementSource,
    borderline: t.borderline.map(describeBorderline),
    warnings: t.warnings,
    explanation: t.explanation,
  };
}

/** The rows of every time point; `reader` joins them (first after patient_id) in a double read. */
export const timepointRows = (patients: readonly PatientAssessment[]): Record<string, Cell>[] =>
  patients.flatMap((p) => p.timepoints.map((t) => withReader(p, timepointRow(p.patientId, t))));

function withReader<T extends { patient_id: Cell }>(p: PatientAssessment, row: T): T | (T & { reader: string }) {
  if (p.reader === undefined) return row;
  const { patient_id, ...rest } = row;
  return { patient_id, reader: p.reader, ...rest } as T & { reader: string };
}

export const patientRows = (patients: readonly PatientAssessment[]): Record<string, Cell>[] =>
  patients.map((p) => withReader(p, {
    patient_id: p.patientId,
    baseline_date: p.baselineDate,
    last_scan_date: p.lastScanDate,
    best_overall_response: p.bestOverallResponse,
    best_response_date: p.bestResponseDate,
    progression_date: p.progressionDate,
    response_source: bestResponseSource(p),
    measurement_source: p.measurementSource,
    warnings: p.warnings,
  } satisfies PatientRow));

/**
 * Where the best overall response comes from: the source of the follow-up it was taken from (the first with that
 * response on the best response date); null when there is none (baseline only, or NE without a date).
 */
export function bestResponseSource(p: PatientAssessment): string | null {
  if (p.bestResponseDate === null) return null;
  const from = p.timepoints.find((t) => !t.isBaseline && t.scanDate === p.bestResponseDate && t.overallResponse === p.bestOverallResponse)
    ?? p.timepoints.find((t) => !t.isBaseline && t.scanDate === p.bestResponseDate);
  return from?.responseSource ?? null;
}

/** CSV text of a cell: blank for unknown, one decimal for millimetres and percentages, `;` between warnings. */
export function cellText(column: string, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return column === 'days_from_baseline' ? String(cell) : cell.toFixed(1);
  return cell.join(';');
}

/**
 * The per-patient table of a double read with `--adjudication`: the endpoint of the read each patient uses (named
 * in `reader`), both readers' best responses, and who adjudicated; blank endpoint, and NOT_ADJUDICATED, while a
 * discordance waits for its adjudicator.
 */
export const ADJUDICATED_PATIENT_COLUMNS = [
  ...PATIENT_COLUMNS,
  'reader',
  'concordant',
  'reader_1',
  'reader_1_bor',
  'reader_2',
  'reader_2_bor',
  'adjudicated_by',
  'adjudication_reason',
] as const;

export function adjudicatedPatientRows(patients: readonly AdjudicatedPatient[]): Record<string, Cell>[] {
  return patients.map((p) => {
    const [one, two] = p.reads;
    const endpoint: Record<string, Cell> = p.used === undefined
      ? { ...Object.fromEntries(PATIENT_COLUMNS.map((c) => [c, null])), patient_id: p.patientId, baseline_date: one?.baselineDate ?? null, last_scan_date: one?.lastScanDate ?? null, warnings: ['NOT_ADJUDICATED'] }
      : (patientRows([p.used])[0] as Record<string, Cell>);
    const { reader: _used, ...withoutReader } = endpoint;
    return {
      ...withoutReader,
      reader: p.used?.reader ?? null,
      concordant: p.reads.length < 2 ? null : p.concordant ? 'yes' : 'no',
      reader_1: one?.reader ?? null,
      reader_1_bor: one?.bestOverallResponse ?? null,
      reader_2: two?.reader ?? null,
      reader_2_bor: two?.bestOverallResponse ?? null,
      adjudicated_by: p.adjudication?.adjudicator ?? null,
      adjudication_reason: p.adjudication?.reason ?? null,
    };
  });
}
