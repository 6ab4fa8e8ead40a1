import { describe, expect, it } from 'vitest';
import type { PixelFormat } from '../../src/dicom/ctInstance';
import { decodeNativeFrame, type FrameSpec } from '../../src/dicom/decodeSlice';
import type { DecodedSlice } from '../../src/dicom/slicePixels';

const GREY16: PixelFormat = {
  rows: 1, columns: 3, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1,
  photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0,
};
const spec = (format: Partial<PixelFormat> = {}, rest: Partial<FrameSpec> = {}, bigEndian = false) =>
  ({ transferSyntaxUid: '1.2.840.10008.1.2.1', format: { ...GREY16, ...format }, padding: undefined, ...rest, bigEndian });

function decoded(bytes: Uint8Array, s: ReturnType<typeof spec>, owned = false): DecodedSlice {
  const result = decodeNativeFrame(bytes, s, owned);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
const grey = (slice: DecodedSlice) => {
  if (slice.kind !== 'greyscale') throw new Error('expected greyscale');
  return slice;
};

// -1024, 1, 3071 little endian; the same words big endian.
const LITTLE = new Uint8Array([0x00, 0xfc, 0x01, 0x00, 0xff, 0x0b]);
const BIG = new Uint8Array([0xfc, 0x00, 0x00, 0x01, 0x0b, 0xff]);

describe('decodeNativeFrame: greyscale frame extraction', () => {
  it('aligned little-endian data with nothing to change is a view on the bytes (no copy)', () => {
    const slice = grey(decoded(LITTLE, spec()));
    expect(Array.from(slice.pixels)).toEqual([-1024, 1, 3071]);
    expect(slice.pixels.buffer).toBe(LITTLE.buffer);
    expect([slice.minStored, slice.maxStored]).toEqual([-1024, 3071]);
  });

  it('a frame at an odd byte offset is copied once to an aligned array (only then)', () => {
    const file = new Uint8Array(LITTLE.length + 1);
    file.set(LITTLE, 1);
    const slice = grey(decoded(file.subarray(1), spec()));
    expect(Array.from(slice.pixels)).toEqual([-1024, 1, 3071]);
    expect(slice.pixels.byteOffset % 2).toBe(0);
  });

  it('unsigned 16-bit values above 32767 stay positive', () => {
    expect(Array.from(grey(decoded(new Uint8Array([0x00, 0x80, 0xff, 0xff, 0x01, 0x00]), spec({ pixelRepresentation: 'unsigned' }))).pixels))
      .toEqual([32768, 65535, 1]);
  });

  it('big endian: swapped on a copy, the file bytes untouched', () => {
    const before = BIG.slice();
    expect(Array.from(grey(decoded(BIG, spec({}, {}, true))).pixels)).toEqual([-1024, 1, 3071]);
    expect(BIG).toEqual(before);
  });

  it('big endian, owned (read for this frame alone): swapped in place, no copy', () => {
    const own = BIG.slice();
    const slice = grey(decoded(own, spec({}, {}, true), true));
    expect(slice.pixels.buffer).toBe(own.buffer);
    expect(Array.from(slice.pixels)).toEqual([-1024, 1, 3071]);
  });

  it('BitsStored 12, signed: sign-extended on a copy unless owned', () => {
    const raw = new Uint8Array([0x00, 0x08, 0xff, 0x0f, 0xff, 0x07]); // 0x800, 0xFFF, 0x7FF
    const borrowed = raw.slice();
    expect(Array.from(grey(decoded(borrowed, spec({ bitsStored: 12 }))).pixels)).toEqual([-2048, -1, 2047]);
    expect(borrowed).toEqual(raw);
    const own = raw.slice();
    expect(grey(decoded(own, spec({ bitsStored: 12 }), true)).pixels.buffer).toBe(own.buffer);
  });

  it('padding applies to the frame', () => {
    const slice = grey(decoded(LITTLE, spec({}, { padding: { value: -1024, rangeLimit: undefined } })));
    expect(Array.from(slice.pixels)).toEqual([1, 1, 3071]);
    expect([slice.minStored, slice.maxStored]).toEqual([1, 3071]);
  });

  it.each<[string, Partial<PixelFormat>, number[], string, number[]]>([
    ['8-bit unsigned', { bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 'unsigned' }, [0, 200, 255], 'Uint8Array', [0, 200, 255]],
    ['8-bit signed', { bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 'signed' }, [0x80, 0xff, 0x7f], 'Int8Array', [-128, -1, 127]],
  ])('%s keeps 8-bit stored integers', (_, format, bytes, type, values) => {
    const slice = grey(decoded(new Uint8Array(bytes), spec(format)));
    expect(slice.pixels.constructor.name).toBe(type);
    expect(Array.from(slice.pixels)).toEqual(values);
  });

  it('a frame shorter than Rows x Columns is TRUNCATED', () => {
    expect(decodeNativeFrame(LITTLE.subarray(0, 4), spec(), false)).toMatchObject({ ok: false, error: { code: 'TRUNCATED' } });
  });
});

describe('decodeNativeFrame: colour becomes interleaved RGB', () => {
  const RGB: Partial<PixelFormat> = { rows: 1, columns: 2, bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 'unsigned', samplesPerPixel: 3, photometricInterpretation: 'RGB' };
  const rgb = (format: Partial<PixelFormat>, bytes: number[]) => {
    const slice = decoded(new Uint8Array(bytes), spec({ ...RGB, ...format }));
    if (slice.kind !== 'colour') throw new Error('expected colour');
    return Array.from(slice.rgb);
  };

  it.each<[string, Partial<PixelFormat>, number[], number[]]>([
    ['RGB interleaved (planar 0) as it is', {}, [255, 0, 0, 0, 0, 255], [255, 0, 0, 0, 0, 255]],
    ['RGB planar (RR GG BB) interleaved', { planarConfiguration: 1 }, [255, 0, 0, 0, 0, 255], [255, 0, 0, 0, 0, 255]],
    ['YBR_FULL grey (Cb = Cr = 128) is grey', { photometricInterpretation: 'YBR_FULL' }, [100, 128, 128, 200, 128, 128], [100, 100, 100, 200, 200, 200]],
    ['YBR_FULL red', { photometricInterpretation: 'YBR_FULL', columns: 1 }, [76, 85, 255], [254, 0, 0]],
    ['YBR_FULL_422: two pixels share Cb and Cr', { photometricInterpretation: 'YBR_FULL_422' }, [50, 150, 128, 128], [50, 50, 50, 150, 150, 150]],
  ])('%s', (_, format, bytes, expected) => {
    const out = rgb(format, bytes);
    out.forEach((v, i) => expect(Math.abs(v - (expected[i] as number))).toBeLessThanOrEqual(1));
    expect(out).toHaveLength(expected.length);
  });
});
