// Which studies have their images kept in the database, and how big they are: live, so keeping or removing a study
// (in this tab or another) updates every list at once.
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecistDatabase } from './database';
import { storedStudies, type StoredStudy } from './studyImageRepository';

const NONE: readonly StoredStudy[] = [];

export function useStoredStudies(db: RecistDatabase): readonly StoredStudy[] {
  return useLiveQuery(async () => {
    const result = await storedStudies(db);
    return result.ok ? result.value : NONE;
  }, [db]) ?? NONE;
}
