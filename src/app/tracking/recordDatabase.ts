// The one database connection of this tab, opened on first use; its failure (no IndexedDB, private mode, a newer
// version open elsewhere) is a value the panel words, not a crash.
import { useEffect, useState } from 'react';
import type { Result } from '../../shared/result';
import { openRecistDatabase, type RecistDatabase } from '../../store/database';
import type { StoreError } from '../../store/storeError';
import { requestPersistentStorage } from '../../store/storageStatus';
import { watchWritesWhenAsked } from '../../store/writeWatch';

let opening: Promise<Result<RecistDatabase, StoreError>> | undefined;

export function recordDatabase(): Promise<Result<RecistDatabase, StoreError>> {
  if (!opening) {
    opening = openRecistDatabase().then((result) => {
      if (result.ok) watchWritesWhenAsked(result.value);
      return result;
    });
    // Ask once that the browser keep the record under storage pressure; a refusal is shown, not fatal.
    void requestPersistentStorage();
  }
  return opening;
}

export function useRecordDatabase(): Result<RecistDatabase, StoreError> | undefined {
  const [db, setDb] = useState<Result<RecistDatabase, StoreError> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void recordDatabase().then((result) => { if (live) setDb(result); });
    return () => { live = false; };
  }, []);
  return db;
}
