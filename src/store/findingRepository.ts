// Writes to findings: what the reader says of a lesion at one time point. The state must be one of the lesion
// category's states, and a target's 'measured' must agree with its measurements (findingRules.ts).
import { err, type Result } from '../shared/result';
import type { FindingRow, FindingState, LesionRow } from '../tracking/types';
import { nowIso } from './clock';
import type { RecistDatabase } from './database';
import { findingId } from './findingId';
import { belongsToCategory } from './findingStates';
import { findFinding, findLesion, measurementIdsAt, requireLesion } from './lookups';
import { requireUnlockedOf } from './locks';
import { restoreFindingRow } from './restore';
import { invalid, type StoreError } from './storeError';
import { fail, readTransaction, writeTransaction } from './storeTransaction';

export interface FindingInput {
  readonly lesionId: string;
  readonly studyInstanceUid: string;
  readonly state: FindingState;
  /** Required with 'merged' (another target of the same patient), refused with any other state. */
  readonly mergedIntoLesionId?: string;
}

async function checkMergeTarget(db: RecistDatabase, lesion: LesionRow, state: FindingState, mergedInto: string | undefined): Promise<void> {
  if (state !== 'merged') {
    if (mergedInto !== undefined) fail(invalid('MERGE_TARGET', `mergedIntoLesionId given with state '${state}'`));
    return;
  }
  if (mergedInto === undefined || mergedInto === lesion.id) fail(invalid('MERGE_TARGET', 'merged needs another lesion to merge into'));
  const into = await findLesion(db, mergedInto);
  if (into === undefined || into.patientId !== lesion.patientId || into.category !== 'target') {
    fail(invalid('MERGE_TARGET', `lesion ${mergedInto} is not another target of patient ${lesion.patientId}`));
  }
}

/** A target is 'measured' exactly while it has a measurement at the time point; other categories are free. */
async function checkAgainstMeasurements(db: RecistDatabase, lesion: LesionRow, studyUid: string, state: FindingState | undefined): Promise<void> {
  if (lesion.category !== 'target') return;
  const measured = (await measurementIdsAt(db, lesion.id, studyUid)).length > 0;
  if (state === 'measured' && !measured) fail(invalid('MEASURED_WITHOUT_MEASUREMENT', `${lesion.label} has no measurement at ${studyUid}`));
  if (state !== 'measured' && measured) fail(invalid('MEASUREMENTS_PRESENT', `${lesion.label} is measured at ${studyUid}: delete the measurement first`));
}

/** The lesion, once the finding may be written: time point of its patient, unlocked, state valid for the category. */
async function checkedLesion(db: RecistDatabase, input: FindingInput): Promise<LesionRow> {
  const lesion = await requireLesion(db, input.lesionId);
  await requireUnlockedOf(db, input.studyInstanceUid, lesion.patientId);
  if (!belongsToCategory(input.state, lesion.category)) {
    fail(invalid('STATE_NOT_IN_CATEGORY', `'${input.state}' is not a state of a ${lesion.category} lesion`));
  }
  await checkMergeTarget(db, lesion, input.state, input.mergedIntoLesionId);
  await checkAgainstMeasurements(db, lesion, input.studyInstanceUid, input.state);
  return lesion;
}

const FINDING_TABLES = (db: RecistDatabase) => [db.timepoints, db.lesions, db.findings, db.measurements];

/** Records (or replaces) the lesion's finding at the time point. */
export function setFinding(db: RecistDatabase, input: FindingInput): Promise<Result<FindingRow, StoreError>> {
  return writeTransaction(db, FINDING_TABLES(db), async () => {
    const lesion = await checkedLesion(db, input);
    const base = {
      id: findingId(lesion.id, input.studyInstanceUid),
      patientId: lesion.patientId,
      lesionId: lesion.id,
      studyInstanceUid: input.studyInstanceUid,
      state: input.state,
      updatedAt: nowIso(),
    };
    const finding: FindingRow = input.mergedIntoLesionId === undefined ? base : { ...base, mergedIntoLesionId: input.mergedIntoLesionId };
    await db.findings.put(finding);
    return finding;
  });
}

/** Removes the finding: the lesion is then not assessed at that time point. */
export function clearFinding(db: RecistDatabase, lesionId: string, studyUid: string): Promise<Result<void, StoreError>> {
  return writeTransaction(db, FINDING_TABLES(db), async () => {
    const lesion = await requireLesion(db, lesionId);
    await requireUnlockedOf(db, studyUid, lesion.patientId);
    await checkAgainstMeasurements(db, lesion, studyUid, undefined);
    await db.findings.delete(findingId(lesionId, studyUid));
  });
}

/** The finding as stored now (undefined when none), e.g. the "before" of an undo step. */
export function getFinding(db: RecistDatabase, lesionId: string, studyUid: string): Promise<Result<FindingRow | undefined, StoreError>> {
  return readTransaction(db, [db.findings], () => findFinding(db, lesionId, studyUid));
}

/**
 * Puts back exactly an earlier state of the finding (undefined: none), for undo and redo, under the same rules as
 * setFinding. Restore measurements first: a target's finding must agree with them.
 */
export async function restoreFinding(
  db: RecistDatabase,
  lesionId: string,
  studyUid: string,
  before: FindingRow | undefined,
): Promise<Result<void, StoreError>> {
  if (before === undefined) return clearFinding(db, lesionId, studyUid);
  const checked = restoreFindingRow(before);
  if (!checked.ok) return err(invalid('MALFORMED_INPUT', checked.error.detail));
  if (before.lesionId !== lesionId || before.studyInstanceUid !== studyUid) {
    return err(invalid('ROW_MISMATCH', `finding ${before.id} is not of lesion ${lesionId} at ${studyUid}`));
  }
  return writeTransaction(db, FINDING_TABLES(db), async () => {
    const lesion = await checkedLesion(db, before);
    if (lesion.patientId !== before.patientId) fail(invalid('PATIENT_MISMATCH', `finding ${before.id} names patient ${before.patientId}`));
    await db.findings.put(before);
  });
}
