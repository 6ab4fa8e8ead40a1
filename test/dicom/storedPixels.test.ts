import { describe, expect, it } from 'vitest';
import { storedPixels } from '../../src/dicom/storedPixels';

// Two pixels, 0x8001 and 0x00ff, written in each byte order, after a 2-byte prefix.
const LITTLE = new Uint8Array([9, 9, 0x01, 0x80, 0xff, 0x00]);
const BIG = new Uint8Array([9, 9, 0x80, 0x01, 0x00, 0xff]);

describe('storedPixels', () => {
  it.each<[string, Uint8Array, boolean, boolean, number[]]>([
    ['little endian, signed', LITTLE, false, true, [-32767, 255]],
    ['little endian, unsigned', LITTLE, false, false, [32769, 255]],
    ['big endian, signed: bytes swapped', BIG, true, true, [-32767, 255]],
    ['big endian, unsigned: bytes swapped', BIG, true, false, [32769, 255]],
  ])('%s', (_, bytes, bigEndian, signed, expected) => {
    const pixels = storedPixels(bytes, { offset: 2, pixelCount: 2, signed, bigEndian });
    expect(pixels).toBeInstanceOf(signed ? Int16Array : Uint16Array);
    expect(Array.from(pixels)).toEqual(expected);
  });

  it('is a view (no copy) on aligned little-endian bytes: a write through the file shows through', () => {
    const bytes = LITTLE.slice();
    const pixels = storedPixels(bytes, { offset: 2, pixelCount: 2, signed: false, bigEndian: false });
    bytes[4] = 0x00;
    expect(pixels[1]).toBe(0);
  });
});
