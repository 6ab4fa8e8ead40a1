// Decoded pixels of an import's slices: read and decoded in the workers on demand, kept within a memory budget,
// dropped least recently used first (and decoded again if asked for later: the File is still there).
import type { CtInstance } from '../../dicom/ctInstance';
import type { DicomError } from '../../dicom/dicomError';
import type { Fragment } from '../../dicom/encapsulatedFrames';
import type { ImportProblem } from '../../dicom/importReport';
import type { FileHeader } from '../../dicom/readFileHeader';
import { decodedByteLength, type DecodedSlice, type SlicePixels } from '../../dicom/slicePixels';
import type { Result } from '../../shared/result';
import { FramePixels, type FrameKeeper, type NativeRead } from './framePixels';
import type { JobQueue, Lane, QueuedJob } from './jobQueue';
import { nearestFirst, prefetchInOrder } from './prefetchSlices';
import type { WorkerPool } from './workerPool';
import type { NamedBlob } from './workerProtocol';

/**
 * Room for a 1,000-slice 512 x 512 CT (500 MB of 16-bit stored values) with space to spare; a larger series is
 * prefetched only as far as the budget goes and the rest decodes as the reader scrolls to it.
 */
export const DEFAULT_BUDGET_BYTES = 1024 * 1024 * 1024;

/** Slices per background read: 16 CT slices are 8 MB, one request instead of sixteen. */
const FRAMES_PER_BATCH = 16;

export interface PixelStoreOptions {
  readonly budgetBytes?: number;
  /** A frame that would not decode, for the import report (once per frame). */
  readonly onProblem: (problem: ImportProblem) => void;
}

type Decoded = Result<DecodedSlice, DicomError>;

export class PixelStore implements FrameKeeper {
  readonly budgetBytes: number;
  private usedBytes = 0;
  /** Decoded frames, least recently used first (a Map keeps insertion order; a touch re-inserts). */
  private readonly lru = new Map<FramePixels, number>();
  private readonly indexes = new Map<FileHeader, Promise<Result<Fragment[][], DicomError>>>();
  /** Native frames asked for in the background during this turn, read together when it ends. */
  private readonly batch: FramePixels[] = [];

  constructor(readonly pool: WorkerPool, readonly jobs: JobQueue, private readonly options: PixelStoreOptions) {
    this.budgetBytes = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  }

  pixelsFor(file: NamedBlob, header: FileHeader, frameIndex: number): SlicePixels {
    return new FramePixels(this, file, header, frameIndex);
  }

  get bytesInUse(): number {
    return this.usedBytes;
  }

  /** Decodes `slices` in the background, nearest `fromIndex` first, within this store's budget. */
  prefetch(slices: readonly CtInstance[], fromIndex = 0): Promise<boolean> {
    return prefetchInOrder(nearestFirst(slices, fromIndex), this.budgetBytes);
  }

  /**
   * This import is off screen: its queued background work is dropped and its decoded pixels let go. Its slices still
   * work (they decode again when asked), so a library kept elsewhere (the embedded sample) can come back.
   */
  discard(): void {
    this.jobs.dropQueued(this);
    for (const frame of this.lru.keys()) frame.forget();
    this.lru.clear();
    this.usedBytes = 0;
  }

  /** Queues a job of this import. */
  queue<T>(run: () => Promise<T>, lane: Lane): QueuedJob<T> {
    return this.jobs.add(run, lane, this);
  }

  /** A multi-frame compressed file's fragment table, read and parsed once (inside the job that first needs it). */
  indexOf(file: NamedBlob, header: FileHeader, valueOffset: number): Promise<Result<Fragment[][], DicomError>> {
    let index = this.indexes.get(header);
    if (!index) {
      index = this.pool.run({ kind: 'index', name: file.name, blob: file.blob, base: valueOffset, numberOfFrames: header.slices.length });
      this.indexes.set(header, index);
      // A failed read may succeed another time.
      index.catch(() => this.indexes.delete(header));
    }
    return index;
  }

  /**
   * A frame to decode in the background. Native frames asked for in the same turn of the event loop are read in
   * batches (one request for several slices, see fileReads.ts); others get a job each.
   */
  inBackground(frame: FramePixels): void {
    if (!frame.nativeRead) {
      this.queue(() => frame.decodeAlone(), 'prefetch').result.then((result) => frame.settle(result), (e: unknown) => frame.abandon(e, false));
      return;
    }
    if (this.batch.length === 0) queueMicrotask(() => this.flushBatch());
    this.batch.push(frame);
  }

  private flushBatch(): void {
    const frames = this.batch.splice(0);
    for (let i = 0; i < frames.length; i += FRAMES_PER_BATCH) {
      const group = frames.slice(i, i + FRAMES_PER_BATCH);
      this.queue(() => this.decodeBatch(group), 'prefetch').result.then((results) => {
        group.forEach((frame, k) => {
          const result = results[k];
          if (result) frame.settle(result);
        });
      }, (e: unknown) => group.forEach((frame) => frame.abandon(e, false)));
    }
  }

  /** Results in `group`'s order; undefined for a frame a display job settled meanwhile (not read again). */
  private async decodeBatch(group: readonly FramePixels[]): Promise<(Decoded | undefined)[]> {
    const todo = group.filter((frame) => frame.needsDecoding);
    if (todo.length === 0) return [];
    const results = await this.pool.run({
      kind: 'decodeMany',
      frames: todo.map((frame) => ({ ...(frame.nativeRead as NativeRead), spec: frame.spec })),
    });
    return group.map((frame) => results[todo.indexOf(frame)]);
  }

  touch(frame: FramePixels): void {
    const bytes = this.lru.get(frame);
    if (bytes === undefined) return;
    this.lru.delete(frame);
    this.lru.set(frame, bytes);
  }

  keep(frame: FramePixels, decoded: DecodedSlice): void {
    const bytes = decodedByteLength(decoded);
    this.lru.set(frame, bytes);
    this.usedBytes += bytes;
    for (const [oldest, size] of this.lru) {
      if (this.usedBytes <= this.budgetBytes) break;
      if (oldest === frame) continue;
      this.lru.delete(oldest);
      this.usedBytes -= size;
      oldest.forget();
    }
  }

  reportProblem(problem: ImportProblem): void {
    this.options.onProblem(problem);
  }
}
