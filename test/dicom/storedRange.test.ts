import { describe, expect, it } from 'vitest';
import type { PixelPadding, StoredPixels } from '../../src/dicom/ctInstance';
import { finishGreyscale } from '../../src/dicom/storedRange';

const run = (pixels: StoredPixels, bitsStored: number, padding?: PixelPadding) => {
  const range = finishGreyscale(pixels, bitsStored, padding);
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
