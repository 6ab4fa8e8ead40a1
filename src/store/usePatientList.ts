// Every patient in the database, live (for choosing a patient to read from reports, with or without DICOM).
import { useLiveQuery } from 'dexie-react-hooks';
import type { PatientRow } from '../tracking/types';
import type { RecistDatabase } from './database';
import { restoreAll, restorePatientRow } from './restore';

/** Sorted by ID; undefined while the first read is under way. */
export function usePatientList(db: RecistDatabase): readonly PatientRow[] | undefined {
  return useLiveQuery(async () => {
    const rows = restoreAll(await db.patients.toArray(), restorePatientRow).rows;
    return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }, [db]);
}
