// The sign-off lock: while a time point is signed off, nothing recorded at it may change (its findings, its
// measurements, the lesions first recorded there), so the signed-off snapshot keeps matching the data it came from.
import type { LesionRow, TimepointRow } from '../tracking/types';
import type { RecistDatabase } from './database';
import { requireTimepoint } from './lookups';
import { invalid, timepointLocked } from './storeError';
import { fail } from './storeTransaction';

/** The time point, when it exists and is not signed off; otherwise the write fails (NOT_FOUND / TIMEPOINT_LOCKED). */
export async function requireUnlocked(db: RecistDatabase, studyUid: string): Promise<TimepointRow> {
  const timepoint = await requireTimepoint(db, studyUid);
  if (timepoint.signOff !== undefined) fail(timepointLocked(studyUid));
  return timepoint;
}

/** As requireUnlocked, and the time point is the patient's: a lesion is only ever recorded on its own patient's scans. */
export async function requireUnlockedOf(db: RecistDatabase, studyUid: string, patientId: string): Promise<TimepointRow> {
  const timepoint = await requireUnlocked(db, studyUid);
  if (timepoint.patientId !== patientId) {
    fail(invalid('PATIENT_MISMATCH', `study ${studyUid} belongs to patient ${timepoint.patientId}, not ${patientId}`));
  }
  return timepoint;
}

/**
 * Every time point a change to the lesion itself reaches: its first one and each where it has a finding or a
 * measurement (changing organ to 'lymph node' changes which diameter counts everywhere it was measured).
 */
export async function studiesOfLesion(db: RecistDatabase, lesion: LesionRow): Promise<string[]> {
  const findingStudies = (await db.findings.where('lesionId').equals(lesion.id).toArray()).map((f) => f.studyInstanceUid);
  const measurementStudies = (await db.measurements.where('lesionId').equals(lesion.id).toArray()).map((m) => m.studyInstanceUid);
  return [...new Set([lesion.firstStudyInstanceUid, ...findingStudies, ...measurementStudies])];
}

/** Fails with TIMEPOINT_LOCKED when any of the studies is signed off (a study without a time point is not locked). */
export async function requireNoneLocked(db: RecistDatabase, studyUids: readonly string[]): Promise<void> {
  const timepoints = await db.timepoints.bulkGet([...studyUids]);
  const locked = timepoints.find((t) => t?.signOff !== undefined);
  if (locked !== undefined) fail(timepointLocked(locked.studyInstanceUid));
}
