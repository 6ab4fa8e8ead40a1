// A study's DICOM files kept in the database, so the reader can reopen a patient without picking files again.
// Optional for the user and the first thing to hit the storage quota: a failed put stores none of its files.
import { ok, type Result } from '../shared/result';
import type { RecistDatabase } from './database';
import type { StoreError } from './storeError';
import type { StoredImageRow } from './storedImage';
import { readTransaction, writeTransaction } from './storeTransaction';

export interface StudyFile {
  readonly path: string;
  readonly bytes: ArrayBuffer;
}

export interface StoredStudy {
  readonly studyInstanceUid: string;
  readonly fileCount: number;
  readonly totalBytes: number;
}

/**
 * Keeps the files for the study, replacing a file stored before under the same path and keeping the others, so a
 * large study can be stored in several calls.
 */
export function putStudyImages(db: RecistDatabase, studyUid: string, files: readonly StudyFile[]): Promise<Result<void, StoreError>> {
  const rows: StoredImageRow[] = files.map((f) => ({ studyInstanceUid: studyUid, path: f.path, bytes: f.bytes, byteLength: f.bytes.byteLength }));
  return writeTransaction(db, [db.images], async () => {
    await db.images.bulkPut(rows);
  });
}

/** The study's stored files, ordered by path (none: an empty list). */
export function readStudyImages(db: RecistDatabase, studyUid: string): Promise<Result<StudyFile[], StoreError>> {
  return readTransaction(db, [db.images], async () => {
    const rows = await db.images.where('studyInstanceUid').equals(studyUid).sortBy('path');
    return rows.map((r) => ({ path: r.path, bytes: r.bytes }));
  });
}

/** Forgets the study's files (the reader's measurements stay). */
export function deleteStudyImages(db: RecistDatabase, studyUid: string): Promise<Result<void, StoreError>> {
  return writeTransaction(db, [db.images], async () => {
    await db.images.where('studyInstanceUid').equals(studyUid).delete();
  });
}

/** Each study with stored files: how many and how many bytes, read from the size index alone (no file is loaded). */
export async function storedStudies(db: RecistDatabase): Promise<Result<StoredStudy[], StoreError>> {
  const keys = await readTransaction(db, [db.images], () => db.images.orderBy('[studyInstanceUid+byteLength]').keys());
  if (!keys.ok) return keys;
  const byStudy = new Map<string, { fileCount: number; totalBytes: number }>();
  for (const key of keys.value) {
    // The index's keys are [studyInstanceUid, byteLength] pairs, as schema.ts declares; anything else is skipped.
    if (!Array.isArray(key)) continue;
    const [studyUid, size] = key;
    if (typeof studyUid !== 'string' || typeof size !== 'number') continue;
    const sum = byStudy.get(studyUid) ?? { fileCount: 0, totalBytes: 0 };
    byStudy.set(studyUid, { fileCount: sum.fileCount + 1, totalBytes: sum.totalBytes + size });
  }
  return ok([...byStudy].map(([studyInstanceUid, sum]) => ({ studyInstanceUid, ...sum })));
}
