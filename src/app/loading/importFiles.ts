// Chosen files -> headers (first bytes read and parsed in the workers) -> slices grouped patient -> study ->
// series, with a report line for every file that gave no image. No pixel is read here: that starts when a series
// is shown (showSeries.ts).
import { groupIntoSeries, type CtSeries } from '../../dicom/ctSeries';
import type { CtInstance } from '../../dicom/ctInstance';
import { noticesOf, problemOf, type ImportReport } from '../../dicom/importReport';
import { buildStudyTree, type PatientNode } from '../../dicom/studyTree';
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
 * Files per scan job: their prefixes are read in one request (fileReads.ts) and parsed in one message. A folder is
 * cut in about as many jobs as run at once (jobQueue.ts), so all its reads are under way from the start. Posting a
 * File the first time costs the main thread a round trip to the browser (workerProtocol.ts); small jobs let a
 * worker start on the first files while the rest are still being posted, and leave it little to do after the last.
 */
const filesPerScan = (count: number): number => Math.min(64, Math.max(8, Math.ceil(count / 16)));

export async function importFiles(files: readonly NamedBlob[], store: PixelStore,
  onProgress?: (done: number, total: number) => void): Promise<ImportedFiles> {
  let done = 0;
  let prefixBytes = FIRST_PREFIX_BYTES;
  const batches: NamedBlob[][] = [];
  const perScan = filesPerScan(files.length);
  for (let i = 0; i < files.length; i += perScan) batches.push(files.slice(i, i + perScan));
  const scanBatch = async (batch: readonly NamedBlob[]) => {
    // The files themselves go to the worker, which asks their sizes and slices them: no Blob call on this thread.
    const read = await store.pool.run({ kind: 'headers', files: batch, prefixBytes });
    prefixBytes = Math.max(prefixBytes, read.prefixBytes);
    const results = read.headers;
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
  const extraPixelData = new Set<string>();
  let filesWithImages = 0;
  for (const [i, result] of scanned.entries()) {
    if (!result.ok) {
      problems.push(problemOf(result.error));
      continue;
    }
    filesWithImages++;
    const file = files[i] as NamedBlob;
    if (result.value.extraPixelBytes > 0) extraPixelData.add(file.name);
    result.value.slices.forEach((slice, frameIndex) => {
      slices.push({ ...slice, pixels: store.pixelsFor(file, result.value, frameIndex) });
    });
  }
  const series = groupIntoSeries(slices, extraPixelData);
  // Slices counted once each: the same file chosen twice is one slice (groupIntoSeries drops the copy).
  const unique = series.reduce((n, s) => n + s.slices.length, 0);
  const report: ImportReport = { filesSeen: files.length, filesWithImages, slices: unique, problems, notices: noticesOf(series) };
  return { series, tree: buildStudyTree(series), report };
}
