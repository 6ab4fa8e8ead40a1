// Opening and using the database fails in expected ways (no IndexedDB, closed database); those come back as
// STORAGE_UNAVAILABLE values, not as throws.
// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRecistDatabase } from '../../src/store/database';
import { ensurePatient } from '../../src/store/patientRepository';
import { storageFailure } from '../../src/store/storageFailure';
import { failure, uniqueName, value } from './fixtures';

describe('opening the database', () => {
  it('returns STORAGE_UNAVAILABLE when the browser has no IndexedDB', async () => {
    const error = failure(await openRecistDatabase(uniqueName(), { indexedDB: undefined }));
    expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE', detail: expect.stringContaining('MissingAPIError') });
  });

  it('returns STORAGE_UNAVAILABLE for a write after the database was closed', async () => {
    const db = value(await openRecistDatabase(uniqueName()));
    db.close();
    expect(failure(await ensurePatient(db, { id: 'P', name: 'x', studies: [] })).code).toBe('STORAGE_UNAVAILABLE');
  });
});

describe('storageFailure: foreign throws at the boundary', () => {
  it.each([
    ['a DOMException QuotaExceededError', new DOMException('full', 'QuotaExceededError'), 'QUOTA_EXCEEDED'],
    ['a Dexie AbortError wrapping a quota error', { name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError', message: 'full' } }, 'QUOTA_EXCEEDED'],
    ['an InvalidStateError', new DOMException('closing', 'InvalidStateError'), 'STORAGE_UNAVAILABLE'],
    ['a MissingAPIError', { name: 'MissingAPIError', message: 'IndexedDB API missing' }, 'STORAGE_UNAVAILABLE'],
    ['a DatabaseClosedError', { name: 'DatabaseClosedError', message: 'closed' }, 'STORAGE_UNAVAILABLE'],
  ])('converts %s to %s', (_what, thrown, code) => {
    expect(storageFailure(thrown)?.code).toBe(code);
  });

  it.each([
    ['a TypeError (our bug)', new TypeError('x is undefined')],
    ['a ConstraintError (a key we should not have added twice)', new DOMException('exists', 'ConstraintError')],
    ['a thrown string', 'oops'],
    ['null', null],
  ])('leaves %s to be thrown', (_what, thrown) => {
    expect(storageFailure(thrown)).toBeUndefined();
  });

  it('stops on a cyclic chain of causes', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = a;
    expect(storageFailure(a)).toBeUndefined();
  });
});
