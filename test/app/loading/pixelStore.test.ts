import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/loading/importFiles';
import { PixelStore } from '../../../src/app/loading/pixelStore';
import { dcmjsImage } from '../../dicom/fixtures/dcmjsImage';
import { inProcessPipeline } from './inProcessWorker';

const slices = (n: number) => Array.from({ length: n }, (_, i) => ({
  name: `IM${i}.dcm`,
  blob: new Blob([dcmjsImage({ rows: 4, columns: 4, sopInstanceUid: `1.9.${i}`, position: [0, 0, -i] }) as Uint8Array<ArrayBuffer>]),
}));

describe('PixelStore keeps decoded frames within its budget', () => {
  it('drops the least recently used frame beyond the budget, and decodes it again when asked', async () => {
    const { pool, jobs } = inProcessPipeline(1);
    const store = new PixelStore(pool, jobs, { budgetBytes: 3 * 32, onProblem: () => undefined }); // three 4 x 4 16-bit frames
    const { series } = await importFiles(slices(4), store);
    const stack = series[0]?.slices ?? [];
    for (const slice of stack) await slice.pixels.load();
    expect(store.bytesInUse).toBe(96);
    expect(stack.map((s) => s.pixels.peek() !== undefined)).toEqual([false, true, true, true]);
    stack[1]?.pixels.peek(); // used again: now the most recent
    await stack[0]?.pixels.load();
    expect(stack.map((s) => s.pixels.peek() !== undefined)).toEqual([true, true, false, true]);
  });

  it('prefetch stops at the budget and says the series is not all ready', async () => {
    const { pool, jobs } = inProcessPipeline();
    const store = new PixelStore(pool, jobs, { budgetBytes: 2 * 32, onProblem: () => undefined });
    const { series } = await importFiles(slices(4), store);
    const stack = series[0]?.slices ?? [];
    expect(await store.prefetch(stack, 1)).toBe(false);
    // Nearest to slice 2 (index 1) first: itself, then its neighbour on one side.
    expect(stack.map((s) => s.pixels.peek() !== undefined)).toEqual([true, true, false, false]);
  });
});
