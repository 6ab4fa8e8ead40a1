// One slice's pixels as the viewer sees them (SlicePixels): decoded once, by its own job when a reader waits for it,
// or in a background batch; whichever finishes first settles it. Memory and batching are the store's (pixelStore.ts).
import type { DicomError } from '../../dicom/dicomError';
import { problemOf } from '../../dicom/importReport';
import type { FileHeader } from '../../dicom/readFileHeader';
import type { DecodedSlice, PixelUrgency, SlicePixels } from '../../dicom/slicePixels';
import { err, ok, type Result } from '../../shared/result';
import type { PixelStore } from './pixelStore';
import type { FrameLayout, NamedBlob, WorkerTask } from './workerProtocol';

type Decoded = Result<DecodedSlice, DicomError>;

export interface NativeRange {
  readonly start: number;
  readonly end: number;
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

export class FramePixels implements SlicePixels {
  private decoded: DecodedSlice | undefined;
  private failed: DicomError | undefined;
  /** The decode under way, settled by whichever job finishes first (its own, or a background batch). */
  private waiting: Deferred | undefined;

  constructor(
    private readonly store: PixelStore,
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

  /** The frame's bytes when they are native: it can join a background batch read. */
  get nativeRange(): NativeRange | undefined {
    const location = this.header.pixelData;
    if (location.kind !== 'native') return undefined;
    const start = location.offset + this.frameIndex * location.frameBytes;
    return { start, end: start + location.frameBytes, bigEndian: location.bigEndian };
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
    const { name, blob } = file;
    const spec = this.spec;
    const decode = (start: number, end: number, layout: FrameLayout) =>
      store.pool.run({ kind: 'decode', name, blob: blob.slice(start, end), spec, layout });
    const location = header.pixelData;
    switch (location.kind) {
      case 'native': {
        const start = location.offset + frameIndex * location.frameBytes;
        return decode(start, start + location.frameBytes, { kind: 'native', bigEndian: location.bigEndian });
      }
      case 'deflated':
        return decode(0, blob.size, { kind: 'deflated', location: location.inflated, frameIndex });
      case 'encapsulated': {
        const base = location.valueOffset;
        if (header.slices.length === 1) return decode(base, blob.size, { kind: 'encapsulated', base, fragments: undefined });
        // A multi-frame compressed file: its fragment table once, then each frame reads only its own fragments.
        return store.indexOf(file, header, base).then((index) => {
          if (!index.ok) return index;
          const fragments = index.value[frameIndex] ?? [];
          const first = fragments[0];
          const last = fragments[fragments.length - 1];
          if (!first || !last) return err({ code: 'CORRUPT_PIXEL_DATA', file: name, detail: `frame ${frameIndex + 1} has no fragments` });
          return decode(first.offset, last.offset + last.length, { kind: 'encapsulated', base: first.offset, fragments });
        });
      }
    }
  }
}
