// A write that fails half-way (disk full, browser storage error) must leave everything saved before it intact:
// the whole transaction rolls back. The failure is injected with a Dexie middleware on a second connection to
// the same database, so it strikes after the transaction has already written to another table.
// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { RecistDatabase } from '../../src/store/database';
import { createLesion } from '../../src/store/lesionRepository';
import { putMeasurement } from '../../src/store/measurementRepository';
import { putStudyImages, readStudyImages } from '../../src/store/studyImageRepository';
import { BASELINE, FOLLOW_UP, PATIENT, databaseWithPatient, failure, findingState, lesion, measurement, value } from './fixtures';

/** A connection whose writes to `table` throw `error`; writes to other tables go through. */
function connectionFailingOn(db: RecistDatabase, table: string, error: () => unknown): RecistDatabase {
  const failing: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'failWritesTo',
    create: (down) => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        return { ...inner, mutate: (req: DBCoreMutateRequest) => (name === table ? Promise.reject(error()) : inner.mutate(req)) };
      },
    }),
  };
  const other = new RecistDatabase(db.name);
  other.use(failing);
  return other;
}

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a failed write changes nothing', () => {
  it('createLesion failing at its finding stores no lesion either, and returns QUOTA_EXCEEDED', async () => {
    const db = await databaseWithPatient();
    const kept = await lesion(db, { category: 'non-target' });
    const full = connectionFailingOn(db, 'findings', quotaExceeded);
    const error = failure(await createLesion(full, { patientId: PATIENT, category: 'non-target', organ: 'bone', location: 'T8', firstStudyInstanceUid: BASELINE }));
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(await db.lesions.toArray()).toEqual([kept]);
    expect(await db.findings.count()).toBe(1);
    full.close();
  });

  it('a re-measurement failing at its finding keeps the earlier measurement it would have replaced', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const earlier = measurement(t1, FOLLOW_UP);
    value(await putMeasurement(db, earlier, { replaceOthers: true }));
    await db.findings.delete(`${t1.id}|${FOLLOW_UP}`); // so the put must write a finding, after its measurement writes
    const full = connectionFailingOn(db, 'findings', quotaExceeded);
    expect(failure(await putMeasurement(full, measurement(t1, FOLLOW_UP), { replaceOthers: true })).code).toBe('QUOTA_EXCEEDED');
    expect(await db.measurements.toArray()).toEqual([earlier]);
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBeUndefined();
    full.close();
  });

  it('putStudyImages over the quota keeps the files stored before', async () => {
    const db = await databaseWithPatient();
    value(await putStudyImages(db, BASELINE, [{ path: 'a.dcm', bytes: new Uint8Array([1, 2, 3]).buffer }]));
    const full = connectionFailingOn(db, 'images', quotaExceeded);
    expect(failure(await putStudyImages(full, BASELINE, [{ path: 'a.dcm', bytes: new ArrayBuffer(9) }, { path: 'b.dcm', bytes: new ArrayBuffer(9) }])).code).toBe('QUOTA_EXCEEDED');
    const files = value(await readStudyImages(db, BASELINE));
    expect(files.map((f) => [f.path, [...new Uint8Array(f.bytes)]])).toEqual([['a.dcm', [1, 2, 3]]]);
    full.close();
  });

  it('the browser\'s own storage failure (UnknownError) is STORAGE_UNAVAILABLE', async () => {
    const db = await databaseWithPatient();
    const broken = connectionFailingOn(db, 'lesions', () => new DOMException('Internal error', 'UnknownError'));
    expect(failure(await createLesion(broken, { patientId: PATIENT, category: 'target', organ: 'lung', location: '', firstStudyInstanceUid: BASELINE })).code).toBe('STORAGE_UNAVAILABLE');
    expect(await db.lesions.count()).toBe(0);
    broken.close();
  });

  it('a bug (a foreign throw that is no storage failure) still throws, and rolls back too', async () => {
    const db = await databaseWithPatient();
    const buggy = connectionFailingOn(db, 'findings', () => new TypeError('x is undefined'));
    await expect(createLesion(buggy, { patientId: PATIENT, category: 'new', organ: 'liver', location: '', firstStudyInstanceUid: FOLLOW_UP })).rejects.toThrow(TypeError);
    expect(await db.lesions.count()).toBe(0);
    buggy.close();
  });
});
