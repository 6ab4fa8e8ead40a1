// Writes to measurements (lines drawn on images). Each write also keeps the lesion's finding in step: a target is
// 'measured' exactly while it has a measurement at that time point (findingRules.ts). No axis under the measurement
// floor is written, whatever the caller: a 0 mm target reads as disappeared, and only the reader may say that.
import { distanceMm, roundToTenthMm } from '../dicom/imageLength';
import { err, type Result } from '../shared/result';
import { FLOOR_MM, FLOOR_PX, rowAxisBelowFloor } from '../tracking/measurementFloor';
import { measurementSource } from '../tracking/source';
import type { FindingRow, MeasurementRow } from '../tracking/types';
import { nowIso } from './clock';
import type { RecistDatabase } from './database';
import { findingId } from './findingId';
import { stateAfterMeasurement } from './findingRules';
import { findFinding, findLesion, findMeasurement, measurementIdsAt, requireLesion } from './lookups';
import { requireNoneLocked, requireUnlockedOf } from './locks';
import { restoreMeasurementRow } from './restore';
import { invalid, notFound, type StoreError } from './storeError';
import { fail, readTransaction, writeTransaction } from './storeTransaction';

export interface PutMeasurementOptions {
  /**
   * True for a re-measurement: the lesion's other measurements at this time point are deleted. False keeps them:
   * several measurements of one lesion at one time point are the fragments of a split lesion.
   */
  readonly replaceOthers: boolean;
}

const MEASUREMENT_TABLES = (db: RecistDatabase) => [db.timepoints, db.lesions, db.findings, db.measurements];

/** Writes the row and its finding; the caller's transaction holds MEASUREMENT_TABLES. */
async function writeMeasurement(db: RecistDatabase, row: MeasurementRow, replaceOthers: boolean): Promise<void> {
  const lesion = await requireLesion(db, row.lesionId);
  if (lesion.patientId !== row.patientId) fail(invalid('PATIENT_MISMATCH', `lesion ${lesion.label} is of patient ${lesion.patientId}, not ${row.patientId}`));
  await requireUnlockedOf(db, row.studyInstanceUid, lesion.patientId);
  const existing = await db.measurements.get(row.id);
  if (existing !== undefined && (existing.lesionId !== row.lesionId || existing.studyInstanceUid !== row.studyInstanceUid)) {
    fail(invalid('ROW_MISMATCH', `measurement ${row.id} belongs to another lesion or time point`));
  }
  if (replaceOthers) {
    const others = (await measurementIdsAt(db, row.lesionId, row.studyInstanceUid)).filter((id) => id !== row.id);
    await db.measurements.bulkDelete(others);
  }
  await db.measurements.put(row);
  const current = await findFinding(db, row.lesionId, row.studyInstanceUid);
  const state = stateAfterMeasurement(lesion.category, current?.state);
  if (current === undefined || current.state !== state) {
    const finding: FindingRow = {
      id: findingId(row.lesionId, row.studyInstanceUid),
      patientId: row.patientId,
      lesionId: row.lesionId,
      studyInstanceUid: row.studyInstanceUid,
      state,
      updatedAt: nowIso(),
    };
    await db.findings.put(finding);
  }
}

/**
 * Deletes the measurement; a target's last measurement at a time point takes its 'measured' finding with it (the
 * lesion is then not assessed there, rather than measured with no diameter).
 */
async function removeMeasurement(db: RecistDatabase, row: MeasurementRow): Promise<void> {
  await requireNoneLocked(db, [row.studyInstanceUid]);
  await db.measurements.delete(row.id);
  const lesion = await findLesion(db, row.lesionId);
  if (lesion?.category !== 'target') return;
  if ((await measurementIdsAt(db, row.lesionId, row.studyInstanceUid)).length > 0) return;
  const finding = await findFinding(db, row.lesionId, row.studyInstanceUid);
  if (finding?.state === 'measured') await db.findings.delete(finding.id);
}

function checkedInput(row: MeasurementRow): Result<MeasurementRow, StoreError> {
  const checked = restoreMeasurementRow(row);
  if (!checked.ok) return err(invalid('MALFORMED_INPUT', checked.error.detail));
  const onImage = measurementSource(row) === 'image';
  const axis = rowAxisBelowFloor(row, onImage);
  if (axis !== undefined) {
    const segment = (axis === 'longAxis' ? row.longAxis : row.shortAxis) ?? row.longAxis;
    const mm = roundToTenthMm(distanceMm(segment.start, segment.end, row.pixelSpacingMm)).toFixed(1);
    const floor = onImage ? `${FLOOR_MM} mm or ${FLOOR_PX} image pixels` : `${FLOOR_MM} mm`;
    return err(invalid('BELOW_MEASUREMENT_FLOOR', `${axis === 'longAxis' ? 'long' : 'short'} axis ${mm} mm, under ${floor}`));
  }
  return checked;
}

/** Inserts or updates the measurement by id, and records the lesion's finding (see findingRules.stateAfterMeasurement). */
export async function putMeasurement(
  db: RecistDatabase,
  row: MeasurementRow,
  options: PutMeasurementOptions,
): Promise<Result<MeasurementRow, StoreError>> {
  const checked = checkedInput(row);
  if (!checked.ok) return checked;
  return writeTransaction(db, MEASUREMENT_TABLES(db), async () => {
    await writeMeasurement(db, row, options.replaceOthers);
    return row;
  });
}

/** Deletes the measurement and returns it as it was (for undo). */
export function deleteMeasurement(db: RecistDatabase, id: string): Promise<Result<MeasurementRow, StoreError>> {
  return writeTransaction(db, MEASUREMENT_TABLES(db), async () => {
    const row = (await findMeasurement(db, id)) ?? fail(notFound('measurements', id));
    await removeMeasurement(db, row);
    return row;
  });
}

/** The measurement as stored now (undefined when none), e.g. the "before" of an undo step. */
export function getMeasurement(db: RecistDatabase, id: string): Promise<Result<MeasurementRow | undefined, StoreError>> {
  return readTransaction(db, [db.measurements], () => findMeasurement(db, id));
}

/**
 * Puts back exactly an earlier state of the measurement, for undo and redo: `before` as it was, or no measurement
 * when undefined. The same lock rules and finding rules apply as for putMeasurement and deleteMeasurement.
 */
export async function restoreMeasurement(
  db: RecistDatabase,
  id: string,
  before: MeasurementRow | undefined,
): Promise<Result<void, StoreError>> {
  if (before !== undefined) {
    const checked = checkedInput(before);
    if (!checked.ok) return checked;
    if (before.id !== id) return err(invalid('ROW_MISMATCH', `snapshot ${before.id} is not measurement ${id}`));
  }
  return writeTransaction(db, MEASUREMENT_TABLES(db), async () => {
    const now = await findMeasurement(db, id);
    if (before !== undefined) await writeMeasurement(db, before, false);
    else if (now !== undefined) await removeMeasurement(db, now);
  });
}
