// The signed-off time points of every patient, live: the PACS side sends a report for each new sign-off, whichever
// tab made it.
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecistDatabase } from './database';

export interface SignedOffTimepoint {
  readonly patientId: string;
  readonly studyInstanceUid: string;
  /** The sign-off's time: a sign-off again after an unlock is a new one. */
  readonly at: string;
}

const NONE: readonly SignedOffTimepoint[] = [];

export function useSignOffs(db: RecistDatabase | undefined): readonly SignedOffTimepoint[] {
  return useLiveQuery(async () => {
    if (!db) return NONE;
    const rows = await db.timepoints.toArray();
    return rows.flatMap((t) => (t.signOff ? [{ patientId: t.patientId, studyInstanceUid: t.studyInstanceUid, at: t.signOff.at }] : []));
  }, [db]) ?? NONE;
}
