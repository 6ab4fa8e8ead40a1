import { describe, expect, it } from 'vitest';
import { inTurns, nearestFirst, prefetchInOrder } from '../../../src/app/loading/prefetchSlices';
import type { CtInstance } from '../../../src/dicom/ctInstance';
import { decodedPixels } from '../../../src/dicom/slicePixels';
import { ctInstance } from '../../dicom/fixtures/instance';

const stack = (name: string, n: number) => Array.from({ length: n }, (_, i) => ctInstance({ file: `${name}${i + 1}` }));
const files = (slices: readonly CtInstance[]) => slices.map((s) => s.file);

describe('the order of background decoding', () => {
  it('nearest to where the reader is first, ties towards the start', () => {
    expect(files(nearestFirst(stack('s', 6), 2))).toEqual(['s3', 's2', 's4', 's1', 's5', 's6']);
  });

  it('two panes in turns, so both fill at the same pace', () => {
    expect(files(inTurns([stack('a', 3), stack('b', 1)]))).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('stops at the memory budget and says the stack is not all ready', async () => {
    const asked: string[] = [];
    const slices = stack('s', 4).map((s) => ({
      ...s,
      pixels: { ...decodedPixels({ kind: 'greyscale', pixels: new Int16Array(4), minStored: 0, maxStored: 0 }), load: (...a: []) => (asked.push(s.file), decodedPixels({ kind: 'greyscale', pixels: new Int16Array(4), minStored: 0, maxStored: 0 }).load(...a)) },
    }));
    // 2 x 2 pixels of 16 bits: 8 bytes a slice; 20 bytes is room for two.
    expect(await prefetchInOrder(slices, 20)).toBe(false);
    expect(asked).toEqual(['s1', 's2']);
    expect(await prefetchInOrder(slices, 1e6)).toBe(true);
  });
});
