// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { putMeasurement } from '../../src/store/measurementRepository';
import { watchWrites, watchWritesWhenAsked } from '../../src/store/writeWatch';
import { BASELINE, databaseWithPatient, lesion, measurement, value } from './fixtures';

const page = globalThis as { __recistWatchWrites?: unknown; __recistWrites?: readonly string[] };

afterEach(() => {
  delete page.__recistWatchWrites;
  delete page.__recistWrites;
});

describe('the write watch the end-to-end tests read', () => {
  it('lists each row written, by table and kind', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const writes = watchWrites(db);
    const row = measurement(t1, BASELINE);
    value(await putMeasurement(db, row, { replaceOthers: true }));
    value(await putMeasurement(db, { ...row, updatedAt: '2024-05-02T10:00:00.000Z' }, { replaceOthers: true }));
    expect(writes).toEqual(['create measurements', 'create findings', 'update measurements']);
  });

  it('is published only when the page asked for it before the app started', async () => {
    const db = await databaseWithPatient();
    watchWritesWhenAsked(db);
    expect(page.__recistWrites).toBeUndefined();
    page.__recistWatchWrites = true;
    watchWritesWhenAsked(db);
    expect(page.__recistWrites).toEqual([]);
  });
});
