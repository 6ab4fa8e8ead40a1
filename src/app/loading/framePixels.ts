// One slice's pixels as the viewer sees them (SlicePixels): decoded once, by its own job when a reader waits for it,
// or in a background batch; whichever finishes first settles it. Memory and batching are the store's (pixelStore.ts).
import type { DicomError } from '../../dicom/dicomError';
import { problemOf, type ImportProblem } from '../../dicom/importReport';
import type { FileHeader } from '../../dicom/readFileHeader';
import type { DecodedSlice, PixelUrgency, SlicePixels } from '../../dicom/slicePixels';
import { err, ok, type Result } from '../../shared/result';
import type { Fragment } from '../../dicom/encapsulatedFrames';
import type { Lane, QueuedJob } from './jobQueue';
import type { WorkerPool } from './workerPool';
import type { FilePart, FrameLayout, NamedBlob, WorkerTask } from './workerProtocol';

type Decoded = Result<DecodedSlice, DicomError>;

/** Where a native frame is: `length` bytes at `offset` in what is read of `part`. */
export interface NativeRead {
  readonly part: FilePart;
  readonly offset: number;
  readonly length: number;
  readonly bigEndian: boolean;
}

interface Deferred {
  readonly promise: Promise<Decoded>;
  readonly resolve: (result: Decoded) => void;
  readonly reject: (reason: unknown) => void;
  /** A display job of its own is under way (a reader is waiting; not a background batch). */
  display: boolean;
}

function deferred(): Deferred {
  let resolve: (result: Decoded) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<Decoded>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject, display: false };
}

/**
 * What a frame asks of the store that keeps it (pixelStore.ts implements it): named here, so the store imports the
 * frame and not the other way round.
 */
export interface FrameKeeper {
  readonly pool: WorkerPool;
  queue<T>(run: () => Promise<T>, lane: Lane): QueuedJob<T>;
  /** Decodes `frame` in the background, batched with others where it can. */
  inBackground(frame: FramePixels): void;
  indexOf(file: NamedBlob, header: FileHeader, valueOffset: number): Promise<Result<Fragment[][], DicomError>>;
  touch(frame: FramePixels): void;
  keep(frame: FramePixels, decoded: DecodedSlice): void;
  reportProblem(problem: ImportProblem): void;
}

export class FramePixels implements SlicePixels {
  private decoded: DecodedSlice | undefined;
  private failed: DicomError | undefined;
  /** The decode under way, settled by whichever job finishes first (its own, or a background batch). */
  private waiting: Deferred | undefined;

  constructor(
    private readonly store: FrameKeeper,
    readonly file: NamedBlob,
    readonly header: FileHeader,
    readonly frameIndex: number,
  ) {}

  peek(): DecodedSlice | undefined {
    if (this.decoded) this.store.touch(this);
    return this.decoded;
  }

  load(urgency: PixelUrgency = 'display'): Promise<Decoded> {
    if (this.decoded) {
      this.store.touch(this);
      return Promise.resolve(ok(this.decoded));
    }
    if (this.failed) return Promise.resolve(err(this.failed));
    const first = this.waiting === undefined;
    this.waiting ??= deferred();
    const waiting = this.waiting;
    if (urgency === 'display' && !waiting.display) {
      // Someone is looking at it: its own read, first in the queue, whatever batch it may also be in.
      waiting.display = true;
      this.store.queue(() => this.decodeAlone(), 'display').result
        .then((result) => this.settle(result), (e: unknown) => this.abandon(e, true));
    } else if (first && urgency === 'prefetch') {
      this.store.inBackground(this);
    }
    return waiting.promise;
  }

  /**
   * A native frame's read, so it can join a background batch: the whole file when the file holds this frame only (no
   * slice to make, see workerProtocol.ts), else the frame's own bytes.
   */
  get nativeRead(): NativeRead | undefined {
    const location = this.header.pixelData;
    if (location.kind !== 'native') return undefined;
    const start = location.offset + this.frameIndex * location.frameBytes;
    const { frameBytes: length, bigEndian } = location;
    return this.header.slices.length === 1
      ? { part: this.file, offset: start, length, bigEndian }
      : { part: { ...this.file, range: { start, end: start + length } }, offset: 0, length, bigEndian };
  }

  get spec(): Extract<WorkerTask, { kind: 'decode' }>['spec'] {
    const { header } = this;
    return { transferSyntaxUid: header.transferSyntaxUid, format: header.format, padding: header.padding };
  }

  /** True while nothing has settled it: a batch still has work to do for it. */
  get needsDecoding(): boolean {
    return this.waiting !== undefined && this.decoded === undefined && this.failed === undefined;
  }

  settle(result: Decoded): void {
    const waiting = this.waiting;
    if (!waiting) return; // already settled by the other job
    this.waiting = undefined;
    if (result.ok) {
      this.decoded = result.value;
      this.store.keep(this, result.value);
    } else {
      this.failed = result.error;
      const count = this.header.slices.length;
      this.store.reportProblem(problemOf(result.error, { number: this.frameIndex + 1, count }));
    }
    waiting.resolve(result);
  }

  /** A job did not finish (dropped with its import, or a worker bug): waiters see why; a later load tries again. */
  abandon(reason: unknown, fromDisplayJob: boolean): void {
    const waiting = this.waiting;
    if (!waiting) return;
    // A background batch dropped while a display job is still under way: that job will settle it.
    if (!fromDisplayJob && waiting.display) return;
    this.waiting = undefined;
    waiting.reject(reason);
  }

  /** Dropped from the budget: decoded again when next asked for. */
  forget(): void {
    this.decoded = undefined;
  }

  /** Reads and decodes this frame alone, in a worker. */
  decodeAlone(): Promise<Decoded> {
    const { header, file, frameIndex, store } = this;
    const decode = (part: FilePart, layout: FrameLayout) => store.pool.run({ kind: 'decode', part, spec: this.spec, layout });
    const location = header.pixelData;
    switch (location.kind) {
      case 'native': {
        const { part, offset, bigEndian } = this.nativeRead as NativeRead;
        return decode(part, { kind: 'native', bigEndian, offset });
      }
      case 'deflated':
        return decode(file, { kind: 'deflated', location: location.inflated, frameIndex });
      case 'encapsulated': {
        const base = location.valueOffset;
        if (header.slices.length === 1) return decode(file, { kind: 'encapsulatedFile', valueOffset: base });
        // A multi-frame compressed file: its fragment table once, then each frame reads only its own fragments.
        return store.indexOf(file, header, base).then((index) => {
          if (!index.ok) return index;
          const fragments = index.value[frameIndex] ?? [];
          const first = fragments[0];
          const last = fragments[fragments.length - 1];
          if (!first || !last) return err({ code: 'CORRUPT_PIXEL_DATA', file: file.name, detail: `frame ${frameIndex + 1} has no fragments` });
          const range = { start: first.offset, end: last.offset + last.length };
          return decode({ ...file, range }, { kind: 'encapsulated', base: first.offset, fragments });
        });
      }
    }
  }
}
