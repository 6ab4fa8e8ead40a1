// The one database connection of this tab, opened on first use; its failure (no IndexedDB, private mode, a newer
// version open elsewhere) is a value the panel words, not a crash.
import { useEffect, useState } from 'react';
import type { Result } from '../../shared/result';
import { DEFAULT_DATABASE_NAME, openRecistDatabase, type RecistDatabase } from '../../store/database';
import type { StoreError } from '../../store/storeError';
import { requestPersistentStorage } from '../../store/storageStatus';
import { watchWritesWhenAsked } from '../../store/writeWatch';

// One connection per reader's record (each reader reads in a database of their own: store/workstation.ts).
const opening = new Map<string, Promise<Result<RecistDatabase, StoreError>>>();

export function recordDatabase(name: string = DEFAULT_DATABASE_NAME): Promise<Result<RecistDatabase, StoreError>> {
  let opened = opening.get(name);
  if (!opened) {
    if (opening.size === 0) {
      // Ask once that the browser keep the record under storage pressure; a refusal is shown, not fatal.
      void requestPersistentStorage();
    }
    opened = openRecistDatabase(name).then((result) => {
      if (result.ok) watchWritesWhenAsked(result.value);
      return result;
    });
    opening.set(name, opened);
  }
  return opened;
}

export function useRecordDatabase(name: string = DEFAULT_DATABASE_NAME): Result<RecistDatabase, StoreError> | undefined {
  const [db, setDb] = useState<Result<RecistDatabase, StoreError> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void recordDatabase(name).then((result) => { if (live) setDb(result); });
    return () => { live = false; };
  }, [name]);
  return db;
}
