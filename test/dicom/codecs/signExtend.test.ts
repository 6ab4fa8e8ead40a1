// Stored values (PS3.5 section 8): only the low BitsStored bits count; signed values take their sign from bit
// BitsStored - 1.
import { describe, expect, it } from 'vitest';
import { storedValues } from '../../../src/dicom/codecs/signExtend';

describe('storedValues', () => {
  it.each([
    // [what, bitsStored, raw 16-bit patterns, expected signed values]
    ['12-bit -1 written masked (as JPEG lossless returns it)', 12, [0x0fff], [-1]],
    ['12-bit -1 written sign-extended (as CT scanners store it)', 12, [0xffff], [-1]],
    ['12-bit most negative', 12, [0x0800], [-2048]],
    ['12-bit most positive', 12, [0x07ff], [2047]],
    ['12-bit positive with overlay bits above', 12, [0xa123], [0x123]],
    ['16-bit air in HU', 16, [0xfc18], [-1000]],
  ])('signed: %s', (_, bitsStored, raw, expected) => {
    const pixels = storedValues(Uint16Array.from(raw), bitsStored, 'signed');
    expect(pixels).toBeInstanceOf(Int16Array);
    expect(Array.from(pixels)).toEqual(expected);
  });

  it.each([
    ['12-bit with overlay bits above', 12, [0xf123], [0x123]],
    ['12-bit maximum', 12, [0x0fff], [4095]],
    ['10-bit with garbage above', 10, [0xfc01], [1]],
    ['16-bit untouched', 16, [0xffff, 0], [65535, 0]],
  ])('unsigned: %s', (_, bitsStored, raw, expected) => {
    const pixels = storedValues(Uint16Array.from(raw), bitsStored, 'unsigned');
    expect(pixels).toBeInstanceOf(Uint16Array);
    expect(Array.from(pixels)).toEqual(expected);
  });

  it('8-bit samples: signed 7 bits stored', () => {
    const pixels = storedValues(Uint8Array.from([0x7f, 0x40, 0x3f]), 7, 'signed');
    expect(pixels).toBeInstanceOf(Int8Array);
    expect(Array.from(pixels)).toEqual([-1, -64, 63]);
  });

  it('when BitsStored fills the sample it is a view on the same memory, reinterpreted, not a copy', () => {
    const raw = Uint16Array.from([0xffff, 1]);
    const pixels = storedValues(raw, 16, 'signed');
    expect(pixels.buffer).toBe(raw.buffer);
    expect(Array.from(pixels)).toEqual([-1, 1]);
  });

  it('otherwise it leaves its input untouched', () => {
    const raw = Uint16Array.from([0x0fff]);
    storedValues(raw, 12, 'signed');
    expect(Array.from(raw)).toEqual([0x0fff]);
  });

  it('BitsStored wider than the sample is a bug, and throws', () => {
    expect(() => storedValues(new Uint8Array(1), 12, 'unsigned')).toThrow(RangeError);
  });
});
