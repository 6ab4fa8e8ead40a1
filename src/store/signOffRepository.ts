// Signing off a time point locks it (see locks.ts); unlocking is the explicit way back to editing.
import type { Result } from '../shared/result';
import type { SignOff, TimepointRow } from '../tracking/types';
import type { RecistDatabase } from './database';
import { requireTimepoint } from './lookups';
import { requireUnlocked } from './locks';
import { restoreTimepointRow } from './restore';
import { invalid, type StoreError } from './storeError';
import { fail, writeTransaction } from './storeTransaction';

/**
 * Records who signed the time point off, when, and the response then. Refused (TIMEPOINT_LOCKED) when it is
 * already signed off: the first signature stays until someone unlocks it.
 */
export function signOffTimepoint(
  db: RecistDatabase,
  studyUid: string,
  signOff: SignOff,
): Promise<Result<TimepointRow, StoreError>> {
  return writeTransaction(db, [db.timepoints], async () => {
    const timepoint: TimepointRow = { ...(await requireUnlocked(db, studyUid)), signOff };
    const checked = restoreTimepointRow(timepoint);
    if (!checked.ok) fail(invalid('MALFORMED_INPUT', `sign-off: ${checked.error.detail}`));
    await db.timepoints.put(timepoint);
    return timepoint;
  });
}

/** Removes the sign-off, so the time point can be edited again. Unlocking an unlocked time point changes nothing. */
export function unlockTimepoint(db: RecistDatabase, studyUid: string): Promise<Result<TimepointRow, StoreError>> {
  return writeTransaction(db, [db.timepoints], async () => {
    const { signOff: _removed, ...unlocked } = await requireTimepoint(db, studyUid);
    await db.timepoints.put(unlocked);
    return unlocked;
  });
}
