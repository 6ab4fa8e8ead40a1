// The app's loading workers and job queue, started with the app (the embedded sample uses them first), so the
// user's files never wait for workers to boot.
import type { PixelFormat } from '../../dicom/ctInstance';
import { JobQueue } from './jobQueue';
import { WARMUP_FILES } from './warmupFiles';
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

/** Warming only loads a codec, or decodes a file that says its own format (see WarmTask); any greyscale format will do. */
const ANY_GREYSCALE: PixelFormat = {
  rows: 1, columns: 1, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1,
  photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0,
};

/**
 * Readies the codecs of the compressed syntaxes CT archives use most, once: loaded in every loading worker (WASM but
 * for JPEG Lossless; 100-250 ms each, which the first image of such a series would otherwise wait for) and warmed
 * with a real frame (codecWarmup.ts). Call it when the app has nothing else to do; not at start-up, where the
 * embedded sample's first image would wait for it.
 */
export function warmCommonCodecs(): void {
  if (!shared) return;
  for (const { transferSyntaxUid, url } of WARMUP_FILES) {
    // Absolute: the worker resolves a relative URL against its own script's.
    shared.pool.warm({ kind: 'warm', transferSyntaxUid, format: ANY_GREYSCALE, warmupFileUrl: new URL(url, document.baseURI).href });
  }
}
