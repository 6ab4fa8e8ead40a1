// Sending the outbox: each unsent report by STOW-RS, its outcome recorded at once. A PACS that cannot be reached
// leaves the report waiting (tried again later); one that says no marks it refused, with why, still kept.
import type { PacsClient } from '../../pacs/pacsClient';
import { isTransient } from '../../pacs/pacsError';
import type { RecistDatabase } from '../../store/database';
import { recordAttempt, unsentReports } from '../../store/outboxRepository';
import { describePacsError } from '../../ui/pacs/pacsMessages';

export interface OutboxRun {
  readonly sent: number;
  readonly unsent: number;
}

/** Tries every unsent report once, oldest first; stops at the first unreachable PACS (the rest would fail alike). */
export async function sendOutbox(db: RecistDatabase, client: PacsClient): Promise<OutboxRun> {
  const unsent = await unsentReports(db);
  if (!unsent.ok) return { sent: 0, unsent: 0 };
  let sent = 0;
  for (const row of unsent.value) {
    const stored = await client.store([new Uint8Array(row.bytes)]);
    if (stored.ok) {
      await recordAttempt(db, row.id, { sent: true });
      sent++;
      continue;
    }
    const transient = isTransient(stored.error);
    await recordAttempt(db, row.id, { sent: false, refused: !transient, reason: describePacsError(stored.error).message });
    if (transient) break;
  }
  return { sent, unsent: unsent.value.length - sent };
}
