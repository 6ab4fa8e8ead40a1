import { describe, expect, it } from 'vitest';
import { greyscaleSlice, plainSlice } from '../../src/dicom/slicePixels';

describe('greyscaleSlice: the range is found only when someone reads it', () => {
  it('a range the decoder already knew is used as it is', () => {
    const slice = greyscaleSlice(new Int16Array([1, 2]), { min: -5, max: 9 });
    expect(slice.kind === 'greyscale' && [slice.minStored, slice.maxStored]).toEqual([-5, 9]);
  });

  it('without one, the pixels are untouched until the first read, which finds the range once', () => {
    const pixels = new Int16Array([-1024, 40, 3071]);
    const slice = greyscaleSlice(pixels, undefined);
    if (slice.kind !== 'greyscale') throw new Error('expected greyscale');
    expect(slice.minStored).toBe(-1024);
    // Kept: a later change to the array (none happens in the app) does not move a range already read.
    pixels[0] = 0;
    expect([slice.minStored, slice.maxStored]).toEqual([-1024, 3071]);
  });

  it('plainSlice gives plain fields, which a message (structured clone) carries as they are', () => {
    const plain = plainSlice(greyscaleSlice(new Uint16Array([7, 65535]), undefined));
    for (const key of ['minStored', 'maxStored']) expect(Object.getOwnPropertyDescriptor(plain, key)?.get).toBeUndefined();
    expect(structuredClone(plain)).toEqual({ kind: 'greyscale', pixels: new Uint16Array([7, 65535]), minStored: 7, maxStored: 65535 });
  });
});
