// Two tabs are two connections to the same database: each must see the other's writes, and a live query in one
// must update when the other writes (what usePatientRecord relies on).
// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { RecistDatabase } from '../../src/store/database';
import { putMeasurement } from '../../src/store/measurementRepository';
import { readPatientRecord, type StoredPatientRecord } from '../../src/store/readPatientRecord';
import { signOffTimepoint } from '../../src/store/signOffRepository';
import { BASELINE, FOLLOW_UP, PATIENT, SIGN_OFF, databaseWithPatient, failure, lesion, measurement, value } from './fixtures';

/** Resolves with the first value of the live query that satisfies `done`. */
function liveUntil(query: () => Promise<StoredPatientRecord>, done: (r: StoredPatientRecord) => boolean): Promise<StoredPatientRecord> {
  return new Promise((resolve, reject) => {
    const subscription = liveQuery(query).subscribe({
      next: (record) => {
        if (!done(record)) return;
        subscription.unsubscribe();
        resolve(record);
      },
      error: reject,
    });
  });
}

describe('two tabs on one database', () => {
  it('a second connection reads what the first wrote', async () => {
    const tabA = await databaseWithPatient();
    const tabB = new RecistDatabase(tabA.name);
    const t1 = await lesion(tabA);
    const row = measurement(t1, BASELINE);
    value(await putMeasurement(tabA, row, { replaceOthers: true }));
    const record = await readPatientRecord(tabB, PATIENT);
    expect(record.lesions).toEqual([t1]);
    expect(record.measurements).toEqual([row]);
    tabB.close();
  });

  it('a live query in one tab updates when the other tab measures', async () => {
    const tabA = await databaseWithPatient();
    const tabB = new RecistDatabase(tabA.name);
    const t1 = await lesion(tabA);
    expect((await readPatientRecord(tabB, PATIENT)).measurements).toEqual([]);
    const row = measurement(t1, FOLLOW_UP);
    const seen = liveUntil(() => readPatientRecord(tabB, PATIENT), (r) => r.measurements.length === 1);
    value(await putMeasurement(tabA, row, { replaceOthers: true }));
    const record = await seen;
    expect(record.measurements).toEqual([row]);
    expect(record.findings.map((f) => f.state)).toEqual(['measured']);
    tabB.close();
  });

  it('a sign-off in one tab locks the time point for the other tab', async () => {
    const tabA = await databaseWithPatient();
    const tabB = new RecistDatabase(tabA.name);
    const t1 = await lesion(tabA);
    value(await signOffTimepoint(tabA, FOLLOW_UP, SIGN_OFF));
    expect(failure(await putMeasurement(tabB, measurement(t1, FOLLOW_UP), { replaceOthers: true })).code).toBe('TIMEPOINT_LOCKED');
    tabB.close();
  });
});
