// What a change to a lesion does to the findings recorded for it (and for lesions merged into it). Called inside
// the lesion repository's transactions, after the lock checks.
import type { LesionCategory } from '../recist/types';
import type { FindingRow, LesionRow } from '../tracking/types';
import { nowIso } from './clock';
import type { RecistDatabase } from './database';
import { findingId } from './findingId';
import { translatedState } from './findingRules';

/** Findings of other targets recorded as merged into this lesion (RECIST: coalesced lesions). */
export async function findingsMergedInto(db: RecistDatabase, lesion: LesionRow): Promise<FindingRow[]> {
  const ofPatient = await db.findings.where('patientId').equals(lesion.patientId).toArray();
  return ofPatient.filter((f) => f.mergedIntoLesionId === lesion.id);
}

/**
 * Removes findings that say "merged into this lesion" once it is no longer a target (or is gone): they would point
 * at nothing the engine can add, so those lesions become not assessed at those time points.
 */
export async function removeMergesInto(db: RecistDatabase, lesion: LesionRow): Promise<void> {
  const merged = await findingsMergedInto(db, lesion);
  await db.findings.bulkDelete(merged.map((f) => f.id));
}

/** Rewrites every finding of the lesion for its new category (see translatedState), at every time point it has. */
export async function translateFindings(db: RecistDatabase, lesion: LesionRow, to: LesionCategory): Promise<void> {
  const findings = await db.findings.where('lesionId').equals(lesion.id).toArray();
  const measuredAt = new Set((await db.measurements.where('lesionId').equals(lesion.id).toArray()).map((m) => m.studyInstanceUid));
  const studies = new Set([...findings.map((f) => f.studyInstanceUid), ...measuredAt]);
  for (const studyUid of studies) {
    const before = findings.find((f) => f.studyInstanceUid === studyUid);
    const state = translatedState(before?.state, to, measuredAt.has(studyUid));
    const id = findingId(lesion.id, studyUid);
    if (state === undefined) {
      await db.findings.delete(id);
    } else if (state !== before?.state || before.mergedIntoLesionId !== undefined) {
      const row: FindingRow = { id, patientId: lesion.patientId, lesionId: lesion.id, studyInstanceUid: studyUid, state, updatedAt: nowIso() };
      await db.findings.put(row);
    }
  }
}
