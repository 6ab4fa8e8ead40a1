// Raw rows of the record tables -> one checked record per patient. Pure (no Dexie): the exports read the live
// database through it (readAllRecords.ts) and the command line reads a backup file through it, so both see the
// same patients and leave out the same damaged rows.
import { groupBy } from '../shared/groupBy';
import type { TrackedPatient } from '../tracking/toPatientRecord';
import type { LesionRow } from '../tracking/types';
import { belongsToCategory } from './findingStates';
import {
  restoreAll, restoreFindingRow, restoreLesionRow, restoreMeasurementRow, restorePatientRow, restoreTimepointRow,
  type RestoreProblem,
} from './restore';
import type { RecordTableName } from './tableNames';

export type RecordTables = Readonly<Record<RecordTableName, readonly unknown[]>>;

export interface StoredRecords {
  /** Every patient whose row restores, in patient id order, with its rows. */
  readonly patients: readonly TrackedPatient[];
  readonly problems: readonly RestoreProblem[];
}

/** Rows about a lesion that is not there (or not readable), or a finding whose state its lesion cannot have. */
export function crossCheck<T extends { readonly id: string; readonly lesionId: string }>(
  table: 'findings' | 'measurements',
  rows: readonly T[],
  lesions: ReadonlyMap<string, LesionRow>,
  fits: (row: T, lesion: LesionRow) => boolean,
): { kept: T[]; problems: RestoreProblem[] } {
  const kept: T[] = [];
  const problems: RestoreProblem[] = [];
  for (const row of rows) {
    const lesion = lesions.get(row.lesionId);
    if (lesion === undefined) problems.push({ code: 'ORPHAN_ROW', table, id: row.id, detail: `lesion ${row.lesionId} is missing` });
    else if (!fits(row, lesion)) problems.push({ code: 'MALFORMED_ROW', table, id: row.id, detail: `does not fit ${lesion.category} lesion ${lesion.label}` });
    else kept.push(row);
  }
  return { kept, problems };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function recordsFromRows(tables: RecordTables): StoredRecords {
  const patients = restoreAll(tables.patients, restorePatientRow);
  const timepoints = restoreAll(tables.timepoints, restoreTimepointRow);
  const lesions = restoreAll(tables.lesions, restoreLesionRow);
  const findings = restoreAll(tables.findings, restoreFindingRow);
  const measurements = restoreAll(tables.measurements, restoreMeasurementRow);
  const lesionById = new Map(lesions.rows.map((l) => [l.id, l]));
  const checkedFindings = crossCheck('findings', findings.rows, lesionById, (f, l) => belongsToCategory(f.state, l.category));
  const checkedMeasurements = crossCheck('measurements', measurements.rows, lesionById, () => true);

  const known = new Set(patients.rows.map((p) => p.id));
  const orphanTimepoints: RestoreProblem[] = timepoints.rows
    .filter((t) => !known.has(t.patientId))
    .map((t) => ({ code: 'ORPHAN_ROW', table: 'timepoints', id: t.studyInstanceUid, detail: `patient ${t.patientId} is missing` }));
  const timepointsOf = groupBy(timepoints.rows, (t) => t.patientId);
  const lesionsOf = groupBy(lesions.rows, (l) => l.patientId);
  const findingsOf = groupBy(checkedFindings.kept, (f) => f.patientId);
  const measurementsOf = groupBy(checkedMeasurements.kept, (m) => m.patientId);
  const tracked = [...patients.rows].sort((a, b) => byText(a.id, b.id)).map((patient): TrackedPatient => ({
    patient,
    timepoints: [...(timepointsOf.get(patient.id) ?? [])].sort((a, b) => byText(a.studyDate, b.studyDate)),
    lesions: [...(lesionsOf.get(patient.id) ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    findings: findingsOf.get(patient.id) ?? [],
    measurements: measurementsOf.get(patient.id) ?? [],
  }));
  return {
    patients: tracked,
    problems: [
      ...patients.problems, ...timepoints.problems, ...lesions.problems, ...findings.problems, ...measurements.problems,
      ...checkedFindings.problems, ...checkedMeasurements.problems, ...orphanTimepoints,
    ],
  };
}
