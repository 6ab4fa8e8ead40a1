// The SR outbox (schema v5): a report is kept from the moment it is queued, through every failed attempt, and marked
// sent, never deleted; a v4 database opens with its rows and an empty outbox.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRecistDatabase } from '../../src/store/database';
import { allReports, queueReport, recordAttempt, unsentReports } from '../../src/store/outboxRepository';
import { SCHEMA_V4 } from '../../src/store/schema';
import { freshDatabase, uniqueName, value } from './fixtures';

const report = (uid: string, bytes = [1, 2, 3]) => ({
  sopInstanceUid: uid, patientId: 'P1', studyInstanceUid: 'S1', bytes: new Uint8Array(bytes), filename: `${uid}.dcm`,
});

describe('the SR outbox', () => {
  it('keeps a queued report, byte for byte, as waiting until an attempt succeeds', async () => {
    const db = freshDatabase();
    value(await queueReport(db, report('2.25.1', [7, 8, 9])));
    const [waiting] = value(await unsentReports(db));
    expect(waiting).toMatchObject({ id: '2.25.1', state: 'waiting', attempts: 0 });
    expect([...new Uint8Array(waiting?.bytes ?? new ArrayBuffer(0))]).toEqual([7, 8, 9]);

    value(await recordAttempt(db, '2.25.1', { sent: false, refused: false, reason: 'The PACS cannot be reached' }));
    expect(value(await unsentReports(db))[0]).toMatchObject({ state: 'waiting', attempts: 1, lastError: 'The PACS cannot be reached' });

    value(await recordAttempt(db, '2.25.1', { sent: true }));
    expect(value(await unsentReports(db))).toEqual([]);
    const [sent] = value(await allReports(db));
    expect(sent).toMatchObject({ state: 'sent', attempts: 2 });
    expect(sent?.lastError).toBeUndefined();
    expect(sent?.sentAt).toBeTypeOf('string');
  });

  it('a refused report stays in the outbox, with the reason, to be sent again', async () => {
    const db = freshDatabase();
    value(await queueReport(db, report('2.25.2')));
    value(await recordAttempt(db, '2.25.2', { sent: false, refused: true, reason: 'The PACS refused the user name and password (401)' }));
    expect(value(await unsentReports(db)).map((r) => [r.id, r.state, r.lastError])).toEqual([['2.25.2', 'refused', 'The PACS refused the user name and password (401)']]);
  });

  it('queuing the same report again keeps its history; a sent one is not sent twice', async () => {
    const db = freshDatabase();
    value(await queueReport(db, report('2.25.3')));
    value(await recordAttempt(db, '2.25.3', { sent: false, refused: false, reason: 'timeout' }));
    expect(value(await queueReport(db, report('2.25.3')))).toMatchObject({ attempts: 1, state: 'waiting' });
    value(await recordAttempt(db, '2.25.3', { sent: true }));
    expect(value(await queueReport(db, report('2.25.3')))).toMatchObject({ state: 'sent' });
    expect(value(await allReports(db))).toHaveLength(1);
  });
});

describe('schema migration v4 -> v5', () => {
  it('keeps the v4 rows and adds an empty outbox', async () => {
    const name = uniqueName();
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table('patients').put({ id: 'P1', name: 'Doe^Jane' });
    v4.close();
    const db = value(await openRecistDatabase(name));
    expect(db.verno).toBe(5);
    expect(await db.patients.get('P1')).toEqual({ id: 'P1', name: 'Doe^Jane' });
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});
