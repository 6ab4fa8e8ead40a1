// One import as the app keeps it: the study tree, the report, and the store that decodes the slices' pixels.
import type { CtSeries } from '../../dicom/ctSeries';
import { withProblem, type ImportProblem, type ImportReport } from '../../dicom/importReport';
import type { PatientNode } from '../../dicom/studyTree';
import { importFiles } from './importFiles';
import type { JobQueue } from './jobQueue';
import { loadingPipeline } from './loadingPool';
import { PixelStore } from './pixelStore';
import type { WorkerPool } from './workerPool';
import type { NamedBlob } from './workerProtocol';

export interface Library {
  readonly tree: readonly PatientNode[];
  readonly series: readonly CtSeries[];
  readonly report: ImportReport;
  readonly store: PixelStore;
}

export interface ImportOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** A frame that failed to decode after the import: the report with that line added. */
  readonly onReportChange?: (report: ImportReport) => void;
  /** Files the browser would not give us (a drop's unreadable entries): report lines from the start. */
  readonly unreadable?: readonly ImportProblem[];
  /** A newer load replaced this one: its queued reads are dropped, and the import rejects (with the abort reason). */
  readonly signal?: AbortSignal;
  /** The workers and job queue (default: the app's own). */
  readonly pipeline?: { readonly pool: WorkerPool; readonly jobs: JobQueue };
}

export async function importLibrary(files: readonly NamedBlob[], options: ImportOptions = {}): Promise<Library> {
  const { pool, jobs } = options.pipeline ?? loadingPipeline();
  let report: ImportReport | undefined;
  const late: ImportProblem[] = [];
  const store = new PixelStore(pool, jobs, {
    onProblem: (problem) => {
      if (!report) {
        late.push(problem);
        return;
      }
      report = withProblem(report, problem);
      options.onReportChange?.(report);
    },
  });
  options.signal?.addEventListener('abort', () => store.discard(), { once: true });
  const imported = await importFiles(files, store, options.onProgress);
  options.signal?.throwIfAborted();
  const unreadable = options.unreadable ?? [];
  const withUnreadable = { ...imported.report, filesSeen: imported.report.filesSeen + unreadable.length, problems: [...imported.report.problems, ...unreadable] };
  report = late.reduce(withProblem, withUnreadable);
  return { tree: imported.tree, series: imported.series, report, store };
}
