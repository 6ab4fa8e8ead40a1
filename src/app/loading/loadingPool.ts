// The app's loading workers and job queue, started with the app (the embedded sample uses them first), so the
// user's files never wait for workers to boot.
import { JobQueue } from './jobQueue';
import { WorkerPool, type WorkerLike } from './workerPool';

let shared: { readonly pool: WorkerPool; readonly jobs: JobQueue } | undefined;

/**
 * One worker per core, at least two (parsing goes on while the main thread draws) and at most four (past that,
 * reading the files is the limit, not decoding them).
 */
export function workerCount(cores = navigator.hardwareConcurrency || 2): number {
  return Math.min(4, Math.max(2, cores));
}

export function loadingPipeline(): { readonly pool: WorkerPool; readonly jobs: JobQueue } {
  shared ??= {
    pool: new WorkerPool(
      // The URL form lets Vite bundle the worker and its imports (dicom-parser, codecs) for dev and build alike.
      () => new Worker(new URL('./loadingWorker.ts', import.meta.url), { type: 'module', name: 'recist-loading' }) as unknown as WorkerLike,
      workerCount(),
    ),
    jobs: new JobQueue(),
  };
  return shared;
}
