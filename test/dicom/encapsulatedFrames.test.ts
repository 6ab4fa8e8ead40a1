import { describe, expect, it } from 'vitest';
import { encapsulatedFrames, joinFragments } from '../../src/dicom/encapsulatedFrames';

/** Item (FFFE,E000) with a value, little endian as encapsulated data always is. */
const item = (value: number[]) => [0xfe, 0xff, 0x00, 0xe0, ...u32(value.length), ...value];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const DELIMITER = [0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0];
const value = (...items: number[][]) => new Uint8Array([...items.flat(), ...DELIMITER]);
const SOI = [0xff, 0xd8];

describe('encapsulatedFrames: which fragments make which frame', () => {
  const frames = (bytes: Uint8Array, count: number, base = 0) => {
    const result = encapsulatedFrames(bytes, base, count);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.map((f) => Array.from(joinFragments(bytes, f, base)));
  };

  it('one frame: all fragments, joined', () => {
    expect(frames(value(item([]), item([1, 2]), item([3, 4])), 1)).toEqual([[1, 2, 3, 4]]);
  });

  it('as many fragments as frames: one each', () => {
    expect(frames(value(item([]), item([1, 2]), item([3, 4])), 2)).toEqual([[1, 2], [3, 4]]);
  });

  it('a Basic Offset Table says where each frame starts (offsets from the first fragment item)', () => {
    // Frame 1: two fragments (10 + 10 bytes with headers), frame 2 starts at byte 20.
    expect(frames(value(item([...u32(0), ...u32(20)]), item([1, 2]), item([3, 4]), item([5, 6])), 2))
      .toEqual([[1, 2, 3, 4], [5, 6]]);
  });

  it('no table and more fragments than frames: each JPEG frame starts with its SOI marker', () => {
    expect(frames(value(item([]), item([...SOI, 1]), item([2, 3]), item([...SOI, 4])), 2)).toEqual([[...SOI, 1, 2, 3], [...SOI, 4]]);
  });

  it('offsets count from wherever `base` says the bytes started (the file)', () => {
    const bytes = value(item([]), item([7, 8]));
    const result = encapsulatedFrames(bytes, 1000, 1);
    expect(result.ok && result.value).toEqual([[{ offset: 1016, length: 2 }]]);
  });

  it.each<[string, Uint8Array, number, string]>([
    ['a fragment running past the end', new Uint8Array([...item([]), 0xfe, 0xff, 0x00, 0xe0, ...u32(100), 1, 2]), 1, 'TRUNCATED'],
    ['frames that cannot be told apart', value(item([]), item([1]), item([2]), item([3])), 2, 'CORRUPT_PIXEL_DATA'],
    ['no fragments at all', value(item([])), 1, 'CORRUPT_PIXEL_DATA'],
    ['fewer fragments than frames (the worker finds it in a file too large to count at its header)', value(item([]), item([1]), item([2])), 3, 'FRAME_COUNT_MISMATCH'],
    ['something else than an item', new Uint8Array([0x08, 0x00, 0x00, 0xe0, 0, 0, 0, 0]), 1, 'CORRUPT_PIXEL_DATA'],
  ])('%s -> %s', (_, bytes, count, code) => {
    expect(encapsulatedFrames(bytes, 0, count)).toMatchObject({ ok: false, error: { code } });
  });
});
