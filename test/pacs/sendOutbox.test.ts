// The outbox is never emptied by a failure: an unreachable PACS leaves reports waiting, a refusal marks them
// refused with the reason, and the next run after the PACS is back sends them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sendOutbox } from '../../src/app/pacs/sendOutbox';
import { PacsClient } from '../../src/pacs/pacsClient';
import type { FetchLike } from '../../src/pacs/pacsRequest';
import { allReports, queueReport } from '../../src/store/outboxRepository';
import { freshDatabase, value } from '../store/fixtures';

const report = (uid: string) => ({ sopInstanceUid: uid, patientId: 'P1', studyInstanceUid: 'S1', bytes: new Uint8Array([1, 2]), filename: `${uid}.dcm` });
const clientWith = (fetch: FetchLike) => new PacsClient({ baseUrl: 'http://pacs.test/dicom-web', fetch });
const states = async (db: ReturnType<typeof freshDatabase>) => value(await allReports(db)).map((r) => [r.id, r.state, r.attempts]).sort();

describe('sending the SR outbox', () => {
  it('keeps the reports waiting while the PACS cannot be reached, and sends them all once it can', async () => {
    const db = freshDatabase();
    value(await queueReport(db, report('2.25.1')));
    value(await queueReport(db, report('2.25.2')));
    const down = clientWith(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await sendOutbox(db, down)).toEqual({ sent: 0, unsent: 2 });
    // The first failure stops the run: the second report was not tried against a PACS known to be down.
    expect(await states(db)).toEqual([['2.25.1', 'waiting', 1], ['2.25.2', 'waiting', 0]]);

    const stored: string[] = [];
    const up = clientWith(async (url, init) => {
      stored.push(`${init.method} ${url}`);
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/dicom+json' } });
    });
    expect(await sendOutbox(db, up)).toEqual({ sent: 2, unsent: 0 });
    expect(stored).toEqual(['POST http://pacs.test/dicom-web/studies', 'POST http://pacs.test/dicom-web/studies']);
    expect(await states(db)).toEqual([['2.25.1', 'sent', 2], ['2.25.2', 'sent', 1]]);
    expect(await sendOutbox(db, up)).toEqual({ sent: 0, unsent: 0 });
  });

  it('a refusal (401) is kept as refused, with the reason in words, and the next report is still tried', async () => {
    const db = freshDatabase();
    value(await queueReport(db, report('2.25.3')));
    value(await queueReport(db, report('2.25.4')));
    const refusing = clientWith(async () => new Response('', { status: 401 }));
    expect(await sendOutbox(db, refusing)).toEqual({ sent: 0, unsent: 2 });
    const rows = value(await allReports(db));
    expect(rows.map((r) => r.state)).toEqual(['refused', 'refused']);
    expect(rows[0]?.lastError).toContain('(401)');
  });
});
