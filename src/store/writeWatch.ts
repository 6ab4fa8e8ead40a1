// Every write to the database, listed through Dexie's own hooks, for the end-to-end test that opening a patient's
// images writes nothing when nothing changed. Only when the page asked before the app started (the test's init
// script sets `__recistWatchWrites`): with a hook on a table, Dexie reads each row before putting it, a cost no
// reader should pay.
import type { RecistDatabase } from './database';

interface WatchGlobals {
  __recistWatchWrites?: unknown;
  __recistWrites?: readonly string[];
}

/** Lists each row written ("create measurements", "update timepoints", "delete findings"), in order. */
export function watchWrites(db: RecistDatabase): readonly string[] {
  const writes: string[] = [];
  for (const table of db.tables) {
    table.hook('creating', () => { writes.push(`create ${table.name}`); });
    table.hook('updating', () => { writes.push(`update ${table.name}`); });
    table.hook('deleting', () => { writes.push(`delete ${table.name}`); });
  }
  return writes;
}

/** Publishes the list as `__recistWrites` when the page asked for it; otherwise does nothing. */
export function watchWritesWhenAsked(db: RecistDatabase): void {
  const page = globalThis as WatchGlobals;
  if (page.__recistWatchWrites === true) page.__recistWrites = watchWrites(db);
}
