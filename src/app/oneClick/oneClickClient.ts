// The app's one-click worker: started on first use, one for the page (a click is one segmentation; it must not queue
// behind an import's decoding in the loading workers). Each request is answered by id.
import type { CtInstance } from '../../dicom/ctInstance';
import { err, ok, type Result } from '../../shared/result';
import { huSlice } from '../../dicom/huSlice';
import type { SliceHu } from '../../segment/types';
import type { OneClickAnswer, OneClickMessage, OneClickReply, OneClickRequest } from './oneClickProtocol';

/** What the client needs of a Worker; tests give it an in-process stand-in. */
export interface OneClickWorkerLike {
  postMessage(message: OneClickMessage): void;
  onmessage: ((event: MessageEvent<OneClickReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class OneClickClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (reason: Error) => void }>();
  /** Why the worker failed (it did not start, or crashed): later requests are refused at once, never left waiting. */
  private failure: string | undefined;

  constructor(private readonly worker: OneClickWorkerLike) {
    worker.onmessage = (event) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve({ value: reply.value, workerMs: reply.workerMs });
      else waiting.reject(new Error(`one-click worker: ${reply.message}`));
    };
    worker.onerror = (event) => {
      this.failure = event.message || 'failed to start or crashed';
      for (const waiting of this.pending.values()) waiting.reject(new Error(`one-click worker: ${this.failure}`));
      this.pending.clear();
    };
  }

  run<R extends OneClickRequest>(request: R): Promise<OneClickAnswer<R>> {
    return this.runTimed(request).then((answer) => answer.value);
  }

  /** The answer with the worker's own time on it (the bench tells the round trip's cost from the segmentation's). */
  runTimed<R extends OneClickRequest>(request: R): Promise<{ readonly value: OneClickAnswer<R>; readonly workerMs: number }> {
    const id = this.nextId++;
    if (this.failure !== undefined) return Promise.reject(new Error(`one-click worker: ${this.failure}`));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // The stored values are copied into the message (structured clone): the pixel cache keeps its own.
      this.worker.postMessage({ ...request, id });
    });
  }
}

let shared: OneClickClient | undefined;

export function oneClickClient(): OneClickClient {
  shared ??= new OneClickClient(
    // The URL form lets Vite bundle the worker and the segmentation it imports, for dev and build alike.
    new Worker(new URL('./oneClickWorker.ts', import.meta.url), { type: 'module', name: 'recist-one-click' }) as unknown as OneClickWorkerLike,
  );
  return shared;
}

/**
 * A small slice with one round lesion, segmented once when the reading screen is idle: the worker's start and the
 * first compilation of the segmentation (over a second on the first click otherwise) are paid before the reader clicks.
 */
export function warmUpSlice(): SliceHu {
  const size = 96;
  const values = new Int16Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) values[r * size + c] = Math.hypot(r - 48, c - 48) < 12 ? 20 : 60;
  }
  return { values, rows: size, cols: size, rowSpacingMm: 0.75, colSpacingMm: 0.75 };
}

/** A slice's stored values and modality LUT, as the segmentation reads them; or why the slice cannot be segmented. */
export async function sliceHu(slice: CtInstance): Promise<Result<SliceHu, string>> {
  const spacing = slice.pixelSpacingMm;
  if (slice.calibration.kind !== 'pixel-spacing' || !spacing) {
    return err('this image has no PixelSpacing, so nothing on it can be measured in millimetres');
  }
  const decoded = await slice.pixels.load('display');
  if (!decoded.ok) return err(`this slice could not be decoded (${decoded.error.code})`);
  if (decoded.value.kind !== 'greyscale') return err('this is a colour image, not CT');
  return ok(huSlice(slice, spacing, decoded.value.pixels));
}
