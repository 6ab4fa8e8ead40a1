// Everything recorded for one patient, read in one transaction (a consistent view even while another tab writes)
// and passed through the restore step. What cannot be shown is listed in `problems`, never thrown.
import type { FindingRow, LesionRow, MeasurementRow, PatientRow, TimepointRow } from '../tracking/types';
import type { RecistDatabase } from './database';
import { belongsToCategory } from './findingStates';
import { crossCheck } from './recordRows';
import {
  restoreAll, restoreFindingRow, restoreLesionRow, restoreMeasurementRow, restorePatientRow, restoreTimepointRow,
  type RestoreProblem,
} from './restore';

export interface StoredPatientRecord {
  /** Undefined when there is no such patient (or its row is malformed: see problems). */
  readonly patient: PatientRow | undefined;
  readonly timepoints: readonly TimepointRow[];
  readonly lesions: readonly LesionRow[];
  readonly findings: readonly FindingRow[];
  readonly measurements: readonly MeasurementRow[];
  readonly problems: readonly RestoreProblem[];
}

export function readPatientRecord(db: RecistDatabase, patientId: string): Promise<StoredPatientRecord> {
  return db.transaction('r', [db.patients, db.timepoints, db.lesions, db.findings, db.measurements], async () => {
    const rawPatient = await db.patients.get(patientId);
    const patients = restoreAll(rawPatient === undefined ? [] : [rawPatient], restorePatientRow);
    const timepoints = restoreAll(await db.timepoints.where('patientId').equals(patientId).sortBy('studyDate'), restoreTimepointRow);
    const lesions = restoreAll(await db.lesions.where('patientId').equals(patientId).toArray(), restoreLesionRow);
    const findings = restoreAll(await db.findings.where('patientId').equals(patientId).toArray(), restoreFindingRow);
    const measurements = restoreAll(await db.measurements.where('patientId').equals(patientId).toArray(), restoreMeasurementRow);

    const lesionById = new Map(lesions.rows.map((l) => [l.id, l]));
    const checkedFindings = crossCheck('findings', findings.rows, lesionById, (f, l) => belongsToCategory(f.state, l.category));
    const checkedMeasurements = crossCheck('measurements', measurements.rows, lesionById, () => true);
    return {
      patient: patients.rows[0],
      timepoints: timepoints.rows,
      lesions: [...lesions.rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      findings: checkedFindings.kept,
      measurements: checkedMeasurements.kept,
      problems: [
        ...patients.problems, ...timepoints.problems, ...lesions.problems, ...findings.problems, ...measurements.problems,
        ...checkedFindings.problems, ...checkedMeasurements.problems,
      ],
    };
  });
}
