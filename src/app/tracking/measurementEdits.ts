// The reader's edits to measurements and findings as undoable steps: each does its write and returns the writes
// that undo and redo it, built from the rows as they were before and after.
import { err, ok, type Result } from '../../shared/result';
import type { RecistDatabase } from '../../store/database';
import { getFinding, restoreFinding, setFinding, clearFinding } from '../../store/findingRepository';
import { deleteMeasurement, getMeasurement, putMeasurement, restoreMeasurement } from '../../store/measurementRepository';
import type { StoreError } from '../../store/storeError';
import type { FindingRow, FindingState, MeasurementRow } from '../../tracking/types';
import type { UndoEntry } from './undoHistory';

/** An undoable edit being written: the undo entry once the store took it, or its refusal. */
export type Edit = Promise<Result<UndoEntry, StoreError>>;

const succeeded = async (write: Promise<Result<unknown, StoreError>>): Promise<boolean> => (await write).ok;

/** Puts several measurements back as they were, then the finding (a target's finding must agree with them). */
async function putBack(
  db: RecistDatabase, measurements: readonly { id: string; row: MeasurementRow | undefined }[],
  finding: { lesionId: string; studyUid: string; row: FindingRow | undefined },
): Promise<boolean> {
  // Deletions first, so a re-measurement's undo never briefly holds both the old and the new fragment.
  const ordered = [...measurements].sort((a, b) => Number(a.row !== undefined) - Number(b.row !== undefined));
  for (const m of ordered) if (!(await succeeded(restoreMeasurement(db, m.id, m.row)))) return false;
  return succeeded(restoreFinding(db, finding.lesionId, finding.studyUid, finding.row));
}

async function snapshot(db: RecistDatabase, lesionId: string, studyUid: string) {
  const finding = await getFinding(db, lesionId, studyUid);
  return finding.ok ? finding.value : undefined;
}

/** A new measurement: a re-measurement replaces the lesion's others at that time point unless it is a fragment. */
export async function addMeasurement(db: RecistDatabase, row: MeasurementRow, others: readonly MeasurementRow[], replaceOthers: boolean, label: string): Edit {
  const findingBefore = await snapshot(db, row.lesionId, row.studyInstanceUid);
  const written = await putMeasurement(db, row, { replaceOthers });
  if (!written.ok) return written;
  const findingAfter = await snapshot(db, row.lesionId, row.studyInstanceUid);
  const replaced = replaceOthers ? others : [];
  const where = { lesionId: row.lesionId, studyUid: row.studyInstanceUid };
  return ok({
    label,
    undo: () => putBack(db, [{ id: row.id, row: undefined }, ...replaced.map((m) => ({ id: m.id, row: m }))], { ...where, row: findingBefore }),
    redo: () => putBack(db, [...replaced.map((m) => ({ id: m.id, row: undefined })), { id: row.id, row }], { ...where, row: findingAfter }),
  });
}

/** Handles moved: the same measurement with new axes. */
export async function moveMeasurement(db: RecistDatabase, before: MeasurementRow, after: MeasurementRow, label: string): Edit {
  const written = await putMeasurement(db, after, { replaceOthers: false });
  if (!written.ok) return written;
  return ok({
    label,
    undo: () => succeeded(restoreMeasurement(db, before.id, before)),
    redo: () => succeeded(restoreMeasurement(db, after.id, after)),
  });
}

export async function removeMeasurement(db: RecistDatabase, id: string, label: string): Edit {
  const before = await getMeasurement(db, id);
  if (!before.ok) return before;
  const row = before.value;
  if (!row) return err({ code: 'NOT_FOUND', table: 'measurements', id });
  const findingBefore = await snapshot(db, row.lesionId, row.studyInstanceUid);
  const removed = await deleteMeasurement(db, id);
  if (!removed.ok) return removed;
  const findingAfter = await snapshot(db, row.lesionId, row.studyInstanceUid);
  const where = { lesionId: row.lesionId, studyUid: row.studyInstanceUid };
  return ok({
    label,
    undo: () => putBack(db, [{ id, row }], { ...where, row: findingBefore }),
    redo: () => putBack(db, [{ id, row: undefined }], { ...where, row: findingAfter }),
  });
}

/**
 * A finding chosen in the checklist; `state` undefined: not assessed. A target's measurements at that time point go
 * with it (a target is 'measured' exactly while it has one), and come back on undo.
 */
export async function changeFinding(
  db: RecistDatabase, lesionId: string, studyUid: string, state: FindingState | undefined, mergedIntoLesionId: string | undefined,
  measurementsToRemove: readonly MeasurementRow[], label: string,
): Edit {
  const before = await snapshot(db, lesionId, studyUid);
  for (const m of measurementsToRemove) {
    const removed = await deleteMeasurement(db, m.id);
    if (!removed.ok) return removed;
  }
  const written = state === undefined
    ? await clearFinding(db, lesionId, studyUid)
    : await setFinding(db, { lesionId, studyInstanceUid: studyUid, state, ...(mergedIntoLesionId ? { mergedIntoLesionId } : {}) });
  const where = { lesionId, studyUid };
  if (!written.ok) {
    // Put the measurements back: a refused finding must not cost the reader a measurement.
    await putBack(db, measurementsToRemove.map((m) => ({ id: m.id, row: m })), { ...where, row: before });
    return written;
  }
  const after = await snapshot(db, lesionId, studyUid);
  return ok({
    label,
    undo: () => putBack(db, measurementsToRemove.map((m) => ({ id: m.id, row: m })), { ...where, row: before }),
    redo: () => putBack(db, measurementsToRemove.map((m) => ({ id: m.id, row: undefined })), { ...where, row: after }),
  });
}
