// The patient's record as a live query: re-read whenever any of its tables change, in this tab or another one
// (Dexie 4 broadcasts changes between tabs), so two tabs on one patient show the same measurements.
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecistDatabase } from './database';
import { readPatientRecord, type StoredPatientRecord } from './readPatientRecord';

/** Undefined while the first read is under way. */
export function usePatientRecord(db: RecistDatabase, patientId: string): StoredPatientRecord | undefined {
  return useLiveQuery(() => readPatientRecord(db, patientId), [db, patientId]);
}
