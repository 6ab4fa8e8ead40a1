// The app's loading workers and job queue, started with the app (the embedded sample uses them first), so the
// user's files never wait for workers to boot.
import type { PixelFormat } from '../../dicom/ctInstance';
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

/**
 * The compressed transfer syntaxes CT archives use most (JPEG Lossless SV1, JPEG-LS, JPEG 2000): their codecs, WASM
 * but for the first, take 100-250 ms to load in a worker, which the first image of such a series otherwise waits for
 * (the peer viewer loads its codecs at start-up). Not at start-up here: the embedded sample's first image would wait
 * for them instead.
 */
const COMMON_CODECS = ['1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.90'];

/** Warming only loads a codec (a two-byte frame is decoded, and fails: see WARM_FRAME); any greyscale format will do. */
const ANY_GREYSCALE: PixelFormat = {
  rows: 1, columns: 1, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1,
  photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0,
};

/** Loads the common codecs in every loading worker, once; call it when the app has nothing else to do. */
export function warmCommonCodecs(): void {
  if (!shared) return;
  for (const transferSyntaxUid of COMMON_CODECS) shared.pool.warm({ kind: 'warm', transferSyntaxUid, format: ANY_GREYSCALE });
}
