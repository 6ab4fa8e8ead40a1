// The files of the Export menu and of `recist export`, built from the stored records: measurements, time-point
// responses, the patient table for survival analysis, and the de-identification key. Pure: the caller reads the
// database (or a backup file) and downloads or prints the text.
import { DEFAULT_ASSESS_OPTIONS } from '../recist/types';
import { assertNever } from '../shared/assertNever';
import { err, ok, type Result } from '../shared/result';
import type { TrackedPatient } from '../tracking/toPatientRecord';
import { ASSIGNED_COLUMNS, assignedRows } from './assignedResponses';
import { assessTracked, type AssessedPatient } from './assessTracked';
import { csvText, type CsvFormat } from './csvFormat';
import { missingKeys, pseudonymFor, type Deidentification, type Pseudonym, type StudyKey } from './deidentify';
import { EXPORTED_MEASUREMENT_COLUMNS } from './measurementCsvColumns';
import { measurementRows } from './measurementExport';
import { bestResponseSource, cellText, TIMEPOINT_COLUMNS, timepointRow } from './responseTables';
import { CLINICAL_EXPORT_COLUMNS, SOURCE_EXPORT_COLUMNS, SURVIVAL_COLUMNS } from './survivalColumns';
import { survivalRow, type SurvivalCell } from './survivalRow';

/** 'assigned': the follow-ups whose overall response a reader assigned from a report (assignedResponses.ts). */
export type ExportKind = 'measurements' | 'timepoints' | 'patients' | 'assigned';
export const EXPORT_KINDS: readonly ExportKind[] = ['measurements', 'timepoints', 'patients', 'assigned'];

export interface ExportOptions {
  readonly format: CsvFormat;
  readonly landmarkDays: number;
  /** Replace ids by study codes (and shift dates); undefined: the identified file. */
  readonly deidentify: Deidentification | undefined;
  /**
   * The reader whose record this is: the measurement CSV then has a `reader` column after patient_id, so two
   * readers' files put together are a double read (`recist agreement`, `recist assess`).
   */
  readonly reader?: string | undefined;
}

export type ExportError = { readonly code: 'MISSING_STUDY_KEYS'; readonly patientIds: readonly string[] };

export interface ExportFile {
  readonly kind: ExportKind | 'study-key';
  /** A suggested file name, e.g. recist-patients-deidentified.csv. */
  readonly filename: string;
  readonly text: string;
  /** Rows written (the header not counted). */
  readonly rows: number;
}

const cell = (value: SurvivalCell | undefined): string => (value === null || value === undefined ? '' : String(value));

/** Identified exports sort by patient id; de-identified ones by study code, so the order says nothing of the patient. */
export function ordered(patients: readonly AssessedPatient[], options: ExportOptions): { patient: AssessedPatient; who: Pseudonym }[] {
  return patients
    .map((patient) => ({ patient, who: pseudonymFor(patient.tracked.patient.id, options.deidentify) }))
    .sort((a, b) => (a.who.id < b.who.id ? -1 : a.who.id > b.who.id ? 1 : 0));
}

/** The `reader` column after patient_id (the first column), when the record is a named reader's. */
function withReader(reader: string | undefined, header: string[], rows: string[][]): { header: string[]; rows: string[][] } {
  if (reader === undefined) return { header, rows };
  const after = <T>(row: readonly T[], value: T): T[] => [...row.slice(0, 1), value, ...row.slice(1)];
  return { header: after(header, 'reader'), rows: rows.map((r) => after(r, reader)) };
}

/** The patient table for survival analysis: one row per patient, endpoints from the read given. */
export function patientTable(list: readonly { patient: AssessedPatient; who: Pseudonym }[], options: ExportOptions): { header: string[]; rows: string[][] } {
  const covariates = [...new Set(list.flatMap(({ patient }) => Object.keys(patient.tracked.patient.covariates ?? {})))].sort();
  return {
    header: [...SURVIVAL_COLUMNS, ...CLINICAL_EXPORT_COLUMNS, ...SOURCE_EXPORT_COLUMNS, ...covariates],
    rows: list.map(({ patient, who }) => {
      const row = survivalRow({ patient: patient.tracked.patient, record: patient.engine.record }, { landmarkDays: options.landmarkDays, assess: DEFAULT_ASSESS_OPTIONS });
      const dated = { ...row, patient_id: who.id };
      for (const c of ['origin_date', 'baseline_date', 'progression_date', 'last_assessment_date'] as const) {
        const value = row[c];
        if (typeof value === 'string') dated[c] = who.date(value);
      }
      const own = patient.tracked.patient;
      return [
        ...SURVIVAL_COLUMNS.map((c) => cell(dated[c])),
        cell(own.treatmentCycles),
        cell(patient.assessment === undefined ? null : bestResponseSource(patient.assessment)),
        cell(patient.assessment?.measurementSource ?? null),
        ...covariates.map((name) => cell(own.covariates?.[name])),
      ];
    }),
  };
}

function table(kind: ExportKind, patients: readonly AssessedPatient[], options: ExportOptions): { header: string[]; rows: string[][] } {
  const list = ordered(patients, options);
  switch (kind) {
    case 'measurements':
      return withReader(options.reader, [...EXPORTED_MEASUREMENT_COLUMNS], list.flatMap(({ patient, who }) => measurementRows(patient, who)));
    case 'timepoints':
      return {
        header: [...TIMEPOINT_COLUMNS],
        rows: list.flatMap(({ patient, who }) => (patient.assessment?.timepoints ?? []).map((t) => {
          const row = timepointRow(who.id, t);
          return TIMEPOINT_COLUMNS.map((c) => {
            const text = cellText(c, row[c]);
            return c === 'scan_date' ? who.date(text) : c === 'explanation' ? who.text(text) : text;
          });
        })),
      };
    case 'patients':
      return patientTable(list, options);
    case 'assigned':
      return { header: [...ASSIGNED_COLUMNS], rows: list.flatMap(({ patient, who }) => assignedRows(patient, who)) };
    default:
      return assertNever(kind, 'export kind');
  }
}

const suffix = (options: ExportOptions) => (options.deidentify === undefined ? '' : '-deidentified');

export function buildExport(kind: ExportKind, patients: readonly TrackedPatient[], options: ExportOptions): Result<ExportFile, ExportError> {
  const missing = missingKeys(patients.map((p) => p.patient.id), options.deidentify);
  if (missing.length > 0) return err({ code: 'MISSING_STUDY_KEYS', patientIds: missing });
  const { header, rows } = table(kind, patients.map((p) => assessTracked(p)), options);
  return ok({ kind, filename: `recist-${kind}${suffix(options)}.csv`, text: csvText(header, rows, options.format), rows: rows.length });
}

/** The key itself: keep it apart from the de-identified files, on this machine or with the trial's data manager. */
export function studyKeyFile(keys: readonly StudyKey[], format: CsvFormat): ExportFile {
  const rows = [...keys]
    .sort((a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0))
    .map((k) => [k.patientId, k.code, String(k.dateOffsetDays)]);
  return { kind: 'study-key', filename: 'recist-study-key.csv', text: csvText(['patient_id', 'study_code', 'date_offset_days'], rows, format), rows: rows.length };
}
