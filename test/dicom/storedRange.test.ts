import { describe, expect, it } from 'vitest';
import type { PixelPadding, StoredPixels } from '../../src/dicom/ctInstance';
import { finishGreyscale, storedRange } from '../../src/dicom/storedRange';

/** The finished values and their range, wherever it came from (the finishing pass, or storedRange after it). */
const run = (pixels: StoredPixels, bitsStored: number, padding?: PixelPadding) => {
  const range = finishGreyscale(pixels, bitsStored, padding) ?? storedRange(pixels);
  return { values: Array.from(pixels), range };
};

describe('finishGreyscale: stored values as PS3.5 section 8 defines them', () => {
  it.each<[string, StoredPixels, number, number[], { min: number; max: number }]>([
    ['16 of 16 bits: values and range as they are', new Int16Array([-1024, 0, 3071]), 16, [-1024, 0, 3071], { min: -1024, max: 3071 }],
    ['12-bit signed, sign bit 11 copied up (a codec gives the low 12 bits only)', new Int16Array([0x0800, 0x0fff, 0x07ff]), 12, [-2048, -1, 2047], { min: -2048, max: 2047 }],
    ['12-bit signed, already sign-extended by the writer: unchanged', new Int16Array([-2048, -1, 2047]), 12, [-2048, -1, 2047], { min: -2048, max: 2047 }],
    ['12-bit unsigned: bits above BitsStored (old overlays) are cleared', new Uint16Array([0xf000 | 100, 4095, 0x1000]), 12, [100, 4095, 0], { min: 0, max: 4095 }],
    ['8-bit unsigned', new Uint8Array([0, 128, 255]), 8, [0, 128, 255], { min: 0, max: 255 }],
    ['7-bit signed in 8 bits', new Int8Array([0x40, 0x3f, 0]), 7, [-64, 63, 0], { min: -64, max: 63 }],
    ['empty', new Int16Array([]), 16, [], { min: 0, max: 0 }],
  ])('%s', (_, pixels, bitsStored, values, range) => {
    expect(run(pixels, bitsStored)).toEqual({ values, range });
  });
});

describe('finishGreyscale: padding is drawn as the minimum, not as tissue', () => {
  it('PixelPaddingValue -2000 becomes the smallest real value, and the range ignores it', () => {
    expect(run(new Int16Array([-2000, -1000, 40, -2000, 1200]), 16, { value: -2000, rangeLimit: undefined }))
      .toEqual({ values: [-1000, -1000, 40, -1000, 1200], range: { min: -1000, max: 1200 } });
  });

  it('an unsigned image padded with 63536 (-2000 written as US) is not a white frame around the patient', () => {
    expect(run(new Uint16Array([63536, 24, 1100, 63536]), 16, { value: 63536, rangeLimit: undefined }))
      .toEqual({ values: [24, 24, 1100, 24], range: { min: 24, max: 1100 } });
  });

  it('PixelPaddingRangeLimit pads every value between it and PixelPaddingValue, either way round', () => {
    const padding = { value: -3000, rangeLimit: -2001 };
    expect(run(new Int16Array([-3000, -2500, -2001, -2000, 50]), 16, padding))
      .toEqual({ values: [-2000, -2000, -2000, -2000, 50], range: { min: -2000, max: 50 } });
    expect(run(new Int16Array([-3000, -2500, 50]), 16, { value: -2001, rangeLimit: -3000 }).values).toEqual([50, 50, 50]);
  });

  it('padding is recognised before the BitsStored mask would hide it', () => {
    // 12-bit unsigned data padded with 0xF830: masked it would read 2096, a plausible tissue value.
    expect(run(new Uint16Array([0xf830, 10, 4000]), 12, { value: 0xf830, rangeLimit: undefined }))
      .toEqual({ values: [10, 10, 4000], range: { min: 10, max: 4000 } });
  });

  it('a frame that is all padding stays as it is', () => {
    expect(run(new Int16Array([-2000, -2000]), 16, { value: -2000, rangeLimit: undefined }))
      .toEqual({ values: [-2000, -2000], range: { min: -2000, max: -2000 } });
  });
});

describe('finishGreyscale: no pass when there is nothing to change', () => {
  it.each<[string, StoredPixels]>([
    ['16 of 16 bits signed (most CT)', new Int16Array([-1024, 3071])],
    ['16 of 16 bits unsigned', new Uint16Array([0, 65535])],
    ['8 of 8 bits', new Uint8Array([1, 2])],
  ])('%s: values untouched, range left to storedRange', (_, pixels) => {
    const before = Array.from(pixels);
    expect(finishGreyscale(pixels, pixels.BYTES_PER_ELEMENT * 8, undefined)).toBeUndefined();
    expect(Array.from(pixels)).toEqual(before);
  });
});

describe('storedRange: the same answer as a plain loop, whatever the alignment and length', () => {
  const plain = (values: ArrayLike<number>) => ({ min: Math.min(...Array.from(values)), max: Math.max(...Array.from(values)) });
  // Values at every position of a word, at both ends, and an odd count, so the word loop's edges are all exercised.
  const values = [5, -32768, 7, 32767, -1, 0, 1024, -1024, 3];

  it.each([0, 1, 2, 3])('Int16Array starting %i values into its buffer', (offset) => {
    for (let length = 1; length <= values.length - offset; length++) {
      const buffer = new Int16Array(values);
      const view = buffer.subarray(offset, offset + length);
      expect(storedRange(view)).toEqual(plain(view));
    }
  });

  it.each([0, 1])('Uint16Array above 32767 starting %i values in (unsigned halves of a word)', (offset) => {
    const view = new Uint16Array([40000, 1, 65535, 300, 0, 32768]).subarray(offset);
    expect(storedRange(view)).toEqual(plain(view));
  });

  it('extremes in the first and the last place alone', () => {
    expect(storedRange(new Int16Array([-5, 0, 0, 0, 9]))).toEqual({ min: -5, max: 9 });
    expect(storedRange(new Int16Array([0, 0, 0, -7]))).toEqual({ min: -7, max: 0 });
  });

  it.each<[string, StoredPixels, { min: number; max: number }]>([
    ['8-bit signed', new Int8Array([-128, 5, 127]), { min: -128, max: 127 }],
    ['8-bit unsigned', new Uint8Array([9, 200, 3]), { min: 3, max: 200 }],
    ['one value', new Int16Array([42]), { min: 42, max: 42 }],
    ['none', new Uint16Array([]), { min: 0, max: 0 }],
  ])('%s', (_, pixels, range) => {
    expect(storedRange(pixels)).toEqual(range);
  });
});
