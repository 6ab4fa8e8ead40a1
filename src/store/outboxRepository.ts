// The SR outbox (schema v5): every report the app means to send is written here before any request, and its state
// follows each attempt. Writes only through these functions.
import { ok, type Result } from '../shared/result';
import { nowIso } from './clock';
import type { RecistDatabase } from './database';
import type { OutboxRow } from './outboxRow';
import { notFound, type StoreError } from './storeError';
import { fail, readTransaction, writeTransaction } from './storeTransaction';

export interface QueuedReport {
  readonly sopInstanceUid: string;
  readonly patientId: string;
  readonly studyInstanceUid: string;
  readonly bytes: Uint8Array;
  readonly filename: string;
}

/**
 * Puts a report in the outbox, waiting. The same report again (same SOP Instance UID, so the same bytes: the SR
 * writer is deterministic) keeps its history; a different report for the same time point (signed off again after
 * an edit) is a row of its own, so the PACS receives every version that was signed.
 */
export function queueReport(db: RecistDatabase, report: QueuedReport): Promise<Result<OutboxRow, StoreError>> {
  return writeTransaction(db, [db.outbox], async () => {
    const before = await db.outbox.get(report.sopInstanceUid);
    if (before?.state === 'sent') return before;
    const bytes = report.bytes.slice().buffer as ArrayBuffer;
    const row: OutboxRow = before
      ? { ...before, bytes, state: 'waiting' }
      : { id: report.sopInstanceUid, patientId: report.patientId, studyInstanceUid: report.studyInstanceUid, bytes, filename: report.filename, state: 'waiting', queuedAt: nowIso(), attempts: 0 };
    await db.outbox.put(row);
    return row;
  });
}

/** Reports still to send (waiting or refused), oldest first. */
export function unsentReports(db: RecistDatabase): Promise<Result<OutboxRow[], StoreError>> {
  return readTransaction(db, [db.outbox], async () =>
    (await db.outbox.where('state').anyOf('waiting', 'refused').toArray()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)));
}

/** Every report of the outbox, sent ones included, newest first: what the panel lists. */
export function allReports(db: RecistDatabase): Promise<Result<OutboxRow[], StoreError>> {
  return readTransaction(db, [db.outbox], async () => (await db.outbox.toArray()).sort((a, b) => b.queuedAt.localeCompare(a.queuedAt)));
}

/** An attempt's outcome: sent, or still waiting / refused with the reason. */
export function recordAttempt(db: RecistDatabase, id: string, outcome: { readonly sent: true } | { readonly sent: false; readonly refused: boolean; readonly reason: string }):
  Promise<Result<OutboxRow, StoreError>> {
  return writeTransaction(db, [db.outbox], async () => {
    const row = await db.outbox.get(id);
    if (!row) fail(notFound('outbox', id));
    const at = nowIso();
    const { lastError: _previous, ...rest } = row;
    const next: OutboxRow = outcome.sent
      ? { ...rest, state: 'sent', attempts: row.attempts + 1, lastAttemptAt: at, sentAt: at }
      : { ...rest, state: outcome.refused ? 'refused' : 'waiting', attempts: row.attempts + 1, lastAttemptAt: at, lastError: outcome.reason };
    await db.outbox.put(next);
    return next;
  });
}

export const outboxCount = async (db: RecistDatabase): Promise<Result<number, StoreError>> => {
  const unsent = await unsentReports(db);
  return unsent.ok ? ok(unsent.value.length) : unsent;
};
