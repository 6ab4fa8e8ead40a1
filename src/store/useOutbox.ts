// The outbox as the panel shows it, live: a report queued or sent in this tab or another updates every list.
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecistDatabase } from './database';
import { allReports } from './outboxRepository';
import type { OutboxRow } from './outboxRow';

const NONE: readonly OutboxRow[] = [];

export function useOutbox(db: RecistDatabase | undefined): readonly OutboxRow[] {
  return useLiveQuery(async () => {
    if (!db) return NONE;
    const result = await allReports(db);
    return result.ok ? result.value : NONE;
  }, [db]) ?? NONE;
}
