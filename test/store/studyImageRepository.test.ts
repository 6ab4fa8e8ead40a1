// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteStudyImages, putStudyImages, readStudyImages, storedStudies } from '../../src/store/studyImageRepository';
import { freshDatabase, value } from './fixtures';

const file = (path: string, ...bytes: number[]) => ({ path, bytes: new Uint8Array(bytes).buffer });
const asLists = (files: { path: string; bytes: ArrayBuffer }[]) => files.map((f) => [f.path, [...new Uint8Array(f.bytes)]]);

describe('images kept for a study', () => {
  it('reads back the bytes that were put, ordered by path', async () => {
    const db = freshDatabase();
    value(await putStudyImages(db, 'S1', [file('b/2.dcm', 4, 5), file('a/1.dcm', 1, 2, 3)]));
    expect(asLists(value(await readStudyImages(db, 'S1')))).toEqual([['a/1.dcm', [1, 2, 3]], ['b/2.dcm', [4, 5]]]);
  });

  it('adds to a study in several calls, replacing a file put again under the same path', async () => {
    const db = freshDatabase();
    value(await putStudyImages(db, 'S1', [file('1.dcm', 1), file('2.dcm', 2)]));
    value(await putStudyImages(db, 'S1', [file('2.dcm', 9, 9), file('3.dcm', 3)]));
    expect(asLists(value(await readStudyImages(db, 'S1')))).toEqual([['1.dcm', [1]], ['2.dcm', [9, 9]], ['3.dcm', [3]]]);
  });

  it('keeps the same path in two studies apart', async () => {
    const db = freshDatabase();
    value(await putStudyImages(db, 'S1', [file('1.dcm', 1)]));
    value(await putStudyImages(db, 'S2', [file('1.dcm', 2)]));
    expect(asLists(value(await readStudyImages(db, 'S2')))).toEqual([['1.dcm', [2]]]);
  });

  it('lists each stored study with its file count and total bytes', async () => {
    const db = freshDatabase();
    value(await putStudyImages(db, 'S1', [file('1.dcm', 1, 2, 3), file('2.dcm', 4, 5, 6)]));
    value(await putStudyImages(db, 'S2', [file('x.dcm', 7)]));
    expect(value(await storedStudies(db))).toEqual([
      { studyInstanceUid: 'S1', fileCount: 2, totalBytes: 6 },
      { studyInstanceUid: 'S2', fileCount: 1, totalBytes: 1 },
    ]);
  });

  it('deletes one study\'s files and no other\'s', async () => {
    const db = freshDatabase();
    value(await putStudyImages(db, 'S1', [file('1.dcm', 1)]));
    value(await putStudyImages(db, 'S2', [file('1.dcm', 2)]));
    value(await deleteStudyImages(db, 'S1'));
    expect(value(await readStudyImages(db, 'S1'))).toEqual([]);
    expect(value(await storedStudies(db)).map((s) => s.studyInstanceUid)).toEqual(['S2']);
  });
});
