// Reads used inside write transactions. Rows that a write's rules depend on (a lesion's category, a time point's
// sign-off) pass the restore check first: a rule must not be decided on a malformed row.
import type { Result } from '../shared/result';
import type { FindingRow, LesionRow, MeasurementRow, PatientRow, TimepointRow } from '../tracking/types';
import type { RecistDatabase } from './database';
import { findingId } from './findingId';
import { restoreFindingRow, restoreLesionRow, restoreMeasurementRow, restorePatientRow, restoreTimepointRow, type RestoreProblem } from './restore';
import { invalid, notFound } from './storeError';
import { fail } from './storeTransaction';

function restoredOrFail<T>(restored: Result<T, RestoreProblem>): T {
  if (restored.ok) return restored.value;
  const { table, id, detail } = restored.error;
  return fail(invalid('MALFORMED_ROW', `${table} ${id}: ${detail}`));
}

const restoredOrUndefined = <T>(raw: unknown, restore: (raw: unknown) => Result<T, RestoreProblem>): T | undefined =>
  raw === undefined ? undefined : restoredOrFail(restore(raw));

export const findPatient = async (db: RecistDatabase, id: string): Promise<PatientRow | undefined> =>
  restoredOrUndefined(await db.patients.get(id), restorePatientRow);

export const findTimepoint = async (db: RecistDatabase, studyUid: string): Promise<TimepointRow | undefined> =>
  restoredOrUndefined(await db.timepoints.get(studyUid), restoreTimepointRow);

export const findLesion = async (db: RecistDatabase, id: string): Promise<LesionRow | undefined> =>
  restoredOrUndefined(await db.lesions.get(id), restoreLesionRow);

export const findFinding = async (db: RecistDatabase, lesionId: string, studyUid: string): Promise<FindingRow | undefined> =>
  restoredOrUndefined(await db.findings.get(findingId(lesionId, studyUid)), restoreFindingRow);

export const findMeasurement = async (db: RecistDatabase, id: string): Promise<MeasurementRow | undefined> =>
  restoredOrUndefined(await db.measurements.get(id), restoreMeasurementRow);

export async function requirePatient(db: RecistDatabase, id: string): Promise<PatientRow> {
  return (await findPatient(db, id)) ?? fail(notFound('patients', id));
}

export async function requireTimepoint(db: RecistDatabase, studyUid: string): Promise<TimepointRow> {
  return (await findTimepoint(db, studyUid)) ?? fail(notFound('timepoints', studyUid));
}

export async function requireLesion(db: RecistDatabase, id: string): Promise<LesionRow> {
  return (await findLesion(db, id)) ?? fail(notFound('lesions', id));
}

/** Ids of a lesion's measurements at one time point (index only: no row is read). */
export const measurementIdsAt = (db: RecistDatabase, lesionId: string, studyUid: string): Promise<string[]> =>
  db.measurements.where('[lesionId+studyInstanceUid]').equals([lesionId, studyUid]).primaryKeys();
