import { describe, expect, it } from 'vitest';
import { OneClickClient, sliceHu, warmUpSlice, type OneClickWorkerLike } from '../../../src/app/oneClick/oneClickClient';
import type { OneClickMessage, OneClickReply } from '../../../src/app/oneClick/oneClickProtocol';
import { runOneClick } from '../../../src/app/oneClick/oneClickTasks';
import { ctInstance } from '../../dicom/fixtures/instance';

/** The worker in process: answers each message, in reverse order of arrival when asked to hold them. */
class StandIn implements OneClickWorkerLike {
  onmessage: ((event: MessageEvent<OneClickReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  held: OneClickMessage[] = [];
  postMessage(message: OneClickMessage): void {
    this.held.push(message);
  }
  answerAll(): void {
    for (const { id, ...request } of this.held.reverse()) {
      const reply: OneClickReply = request.kind === 'segment' && request.seed.row < 0
        ? { id, ok: false, message: 'boom' }
        : { id, ok: true, value: runOneClick(request), workerMs: 1.5 };
      this.onmessage?.({ data: reply } as MessageEvent<OneClickReply>);
    }
    this.held = [];
  }
}

const slice = { values: new Int16Array(40 * 40).fill(40), rows: 40, cols: 40, rowSpacingMm: 1, colSpacingMm: 1 };

describe('the one-click worker client', () => {
  it('answers each request with its own reply, whatever order they come back in', async () => {
    const worker = new StandIn();
    const client = new OneClickClient(worker);
    const inside = client.run({ kind: 'segment', slice, seed: { row: 20, col: 20 } });
    const outside = client.run({ kind: 'segment', slice, seed: { row: 20, col: 99 } });
    worker.answerAll();
    expect(await outside).toMatchObject({ ok: false, error: { code: 'OUTSIDE_IMAGE' } });
    expect(await inside).toMatchObject({ ok: false, error: { code: 'NO_EDGE' } });
  });

  it('says how long the worker itself took', async () => {
    const worker = new StandIn();
    const timed = new OneClickClient(worker).runTimed({ kind: 'segment', slice, seed: { row: 20, col: 20 } });
    worker.answerAll();
    expect((await timed).workerMs).toBe(1.5);
  });

  it('a worker that threw rejects that request, naming the worker', async () => {
    const worker = new StandIn();
    const client = new OneClickClient(worker);
    const failed = client.run({ kind: 'segment', slice, seed: { row: -1, col: 0 } });
    worker.answerAll();
    await expect(failed).rejects.toThrow('one-click worker: boom');
  });

  it('a worker that fails to start rejects what waits on it', async () => {
    const worker = new StandIn();
    const client = new OneClickClient(worker);
    const waiting = client.run({ kind: 'segment', slice, seed: { row: 1, col: 1 } });
    worker.onerror?.({ message: 'no such script' } as ErrorEvent);
    await expect(waiting).rejects.toThrow('one-click worker: no such script');
    // And what comes after is refused at once, not left waiting on a worker that will never answer.
    await expect(client.run({ kind: 'segment', slice, seed: { row: 1, col: 1 } })).rejects.toThrow('one-click worker: no such script');
    expect(worker.held).toHaveLength(1);
  });
});

describe('a slice as the segmentation reads it', () => {
  it('stored values with the modality LUT and the row and column spacing', async () => {
    const s = ctInstance({ rows: 2, columns: 2, pixels: new Int16Array([1, 2, 3, 4]), pixelSpacingMm: { row: 0.8, column: 0.6 }, rescale: { slope: 1, intercept: -1024 } });
    const hu = await sliceHu(s);
    expect(hu.ok && { ...hu.value, values: [...hu.value.values] }).toEqual({ values: [1, 2, 3, 4], rows: 2, cols: 2, rowSpacingMm: 0.8, colSpacingMm: 0.6, slope: 1, intercept: -1024 });
  });

  it('refuses an image without PixelSpacing, saying why', async () => {
    const s = ctInstance({ pixelSpacingMm: undefined, calibration: { kind: 'uncalibrated' } });
    expect(await sliceHu(s)).toEqual({ ok: false, error: 'this image has no PixelSpacing, so nothing on it can be measured in millimetres' });
  });
});

describe('the warm-up slice', () => {
  it('holds a lesion the segmentation separates, so the warm-up runs the whole method', () => {
    const found = runOneClick({ kind: 'segment', slice: warmUpSlice(), seed: { row: 48, col: 48 } });
    expect(found.ok && Math.round(found.value.longAxisMm)).toBeGreaterThan(14);
  });
});
