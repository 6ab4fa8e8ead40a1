// Keeping a study's DICOM files in the database, so the baseline can be read again at the 3-month follow-up
// without the original files, and opening them again as if they had been picked.
import type { StudyNode } from '../../dicom/studyTree';
import { err, ok, type Result } from '../../shared/result';
import type { RecistDatabase } from '../../store/database';
import type { StoreError } from '../../store/storeError';
import { putStudyImages, readStudyImages } from '../../store/studyImageRepository';
import type { NamedBlob } from '../loading/workerProtocol';

/** The bytes of a file of the current import, by the path its slices name; undefined when it is not at hand. */
export type FileBytes = (path: string) => Promise<ArrayBuffer | undefined>;

export type KeepError = { readonly code: 'FILES_MISSING'; readonly missing: number } | StoreError;

/** Every file of the study (all its series), read and written in one transaction. */
export async function keepStudyImages(db: RecistDatabase, study: StudyNode, bytesOf: FileBytes): Promise<Result<number, KeepError>> {
  const paths = [...new Set(study.series.flatMap((s) => s.slices.map((slice) => slice.file)))];
  const files: { path: string; bytes: ArrayBuffer }[] = [];
  let missing = 0;
  for (const path of paths) {
    const bytes = await bytesOf(path);
    if (bytes) files.push({ path, bytes });
    else missing += 1;
  }
  if (missing > 0) return err({ code: 'FILES_MISSING', missing });
  const written = await putStudyImages(db, study.studyInstanceUid, files);
  return written.ok ? ok(files.reduce((sum, f) => sum + f.bytes.byteLength, 0)) : written;
}

/** The kept files of these studies, as the import pipeline takes picked files. */
export async function keptFiles(db: RecistDatabase, studyUids: readonly string[]): Promise<Result<NamedBlob[], StoreError>> {
  const files: NamedBlob[] = [];
  for (const uid of studyUids) {
    const read = await readStudyImages(db, uid);
    if (!read.ok) return read;
    for (const f of read.value) files.push({ name: f.path, blob: new Blob([f.bytes], { type: 'application/dicom' }) });
  }
  return ok(files);
}
