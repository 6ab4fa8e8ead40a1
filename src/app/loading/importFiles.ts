// Chosen files -> headers (first bytes read and parsed in the workers) -> slices grouped patient -> study ->
// series, with a report line for every file that gave no image. No pixel is read here: that starts when a series
// is shown (showSeries.ts).
import { groupIntoSeries, type CtSeries } from '../../dicom/ctSeries';
import type { CtInstance } from '../../dicom/ctInstance';
import { dicomError, type DicomError } from '../../dicom/dicomError';
import { problemOf, type ImportReport } from '../../dicom/importReport';
import type { FileHeader } from '../../dicom/readFileHeader';
import { buildStudyTree, type PatientNode } from '../../dicom/studyTree';
import { err, type Result } from '../../shared/result';
import { blobOfRanges } from './fileReads';
import type { PixelStore } from './pixelStore';
import type { NamedBlob } from './workerProtocol';

export interface ImportedFiles {
  readonly series: readonly CtSeries[];
  readonly tree: readonly PatientNode[];
  readonly report: ImportReport;
}

/**
 * The first read of each file, as a guess of its header's length; a header that goes on is read again at the size
 * the parser asks for, and later files are read at the size that sufficed. CT headers are 2-20 KB (private tags
 * included); enhanced multi-frame headers far longer.
 */
export const FIRST_PREFIX_BYTES = 8 * 1024;

/**
 * Files per scan job: their prefixes are read in one request (fileReads.ts) and parsed in one message. A
 * folder is cut in about as many jobs as run at once, so all its reads are under way from the start.
 */
const filesPerScan = (count: number): number => Math.min(64, Math.max(8, Math.ceil(count / 8)));

/** One file's header, reading from `length` bytes on (a header that did not fit the batch read). */
export async function scanFile(file: NamedBlob, store: PixelStore, length = Math.min(file.blob.size, FIRST_PREFIX_BYTES)):
  Promise<{ result: Result<FileHeader, DicomError>; length: number }> {
  const { name, blob } = file;
  for (;;) {
    const [header] = await store.pool.run({ kind: 'headers', blob: blob.slice(0, length), files: [{ name, length, fileSize: blob.size }] });
    if (!header || header.kind === 'done') {
      return { result: header?.result ?? err(dicomError('MALFORMED', name, 'no header read')), length };
    }
    length = header.bytes;
  }
}

export async function importFiles(files: readonly NamedBlob[], store: PixelStore,
  onProgress?: (done: number, total: number) => void): Promise<ImportedFiles> {
  let done = 0;
  let prefixBytes = FIRST_PREFIX_BYTES;
  const batches: NamedBlob[][] = [];
  const perScan = filesPerScan(files.length);
  for (let i = 0; i < files.length; i += perScan) batches.push(files.slice(i, i + perScan));
  const scanBatch = async (batch: readonly NamedBlob[]) => {
    // A File's size is a synchronous round trip to the browser each time it is asked (slicing asks it too): asked
    // once per file here, not twice.
    const sizes = batch.map((file) => file.blob.size);
    const lengths = sizes.map((size) => Math.min(size, prefixBytes));
    const reads = await store.pool.run({
      kind: 'headers',
      blob: blobOfRanges(batch.map((file, i) => ({ blob: file.blob, start: 0, end: lengths[i] as number }))),
      files: batch.map((file, i) => ({ name: file.name, length: lengths[i] as number, fileSize: sizes[i] as number })),
    });
    const results = await Promise.all(reads.map(async (read, i) => {
      const file = batch[i] as NamedBlob;
      if (read.kind === 'need-more') {
        const again = await scanFile(file, store, read.bytes);
        prefixBytes = Math.max(prefixBytes, again.length);
        return again.result;
      }
      // A batch whose read failed is read again file by file: only the unreadable file stays unreadable.
      const batchReadFailed = batch.length > 1 && !read.result.ok && read.result.error.code === 'UNREADABLE';
      return batchReadFailed ? (await scanFile(file, store)).result : read.result;
    }));
    for (const result of results) {
      // A compressed series: its codec loads in every worker while the scan goes on.
      if (result.ok && result.value.pixelData.kind === 'encapsulated') {
        store.pool.warm({ kind: 'warm', transferSyntaxUid: result.value.transferSyntaxUid, format: result.value.format });
      }
    }
    done += batch.length;
    onProgress?.(done, files.length);
    return results;
  };
  const scanned = (await Promise.all(batches.map((batch) => store.queue(() => scanBatch(batch), 'scan').result))).flat();

  const slices: CtInstance[] = [];
  const problems = [];
  let filesWithImages = 0;
  for (const [i, result] of scanned.entries()) {
    if (!result.ok) {
      problems.push(problemOf(result.error));
      continue;
    }
    filesWithImages++;
    const file = files[i] as NamedBlob;
    result.value.slices.forEach((slice, frameIndex) => {
      slices.push({ ...slice, pixels: store.pixelsFor(file, result.value, frameIndex) });
    });
  }
  const series = groupIntoSeries(slices);
  // Slices counted once each: the same file chosen twice is one slice (groupIntoSeries drops the copy).
  const unique = series.reduce((n, s) => n + s.slices.length, 0);
  const report: ImportReport = { filesSeen: files.length, filesWithImages, slices: unique, problems };
  return { series, tree: buildStudyTree(series), report };
}
