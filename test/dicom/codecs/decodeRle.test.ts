// RLE Lossless by hand (PS3.5 Annex G): header of segment offsets, PackBits segments, most significant byte first.
import { describe, expect, it } from 'vitest';
import { decodeFrame, type FrameInfo } from '../../../src/dicom/codecs/decodeFrame';

const RLE = '1.2.840.10008.1.2.5';

/** A frame from its segments: the 64-byte header (count, then offsets) followed by the segments. */
function rleFrame(...segments: number[][]): Uint8Array {
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((s, i) => {
    view.setUint32(4 + 4 * i, offset, true);
    offset += s.length;
  });
  return Uint8Array.from([...header, ...segments.flat()]);
}

const info = (overrides: Partial<FrameInfo>): FrameInfo => ({
  rows: 1, columns: 4, bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 'unsigned',
  samplesPerPixel: 1, photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0, ...overrides,
});

describe('RLE Lossless', () => {
  it('a literal run (n >= 0 copies n + 1 bytes)', async () => {
    const result = await decodeFrame(RLE, rleFrame([3, 1, 2, 3, 4]), info({}));
    expect(result.ok && Array.from(result.value.pixels)).toEqual([1, 2, 3, 4]);
  });

  it('a replicate run (n < 0 repeats the next byte 1 - n times), the -128 no-op, and a pad byte', async () => {
    const result = await decodeFrame(RLE, rleFrame([-128 & 255, (-2 & 255), 9, 0, 7, 0]), info({}));
    expect(result.ok && Array.from(result.value.pixels)).toEqual([9, 9, 9, 7]);
  });

  it('16-bit: high-byte segment then low-byte segment, signed', async () => {
    // -2 = 0xFFFE, 258 = 0x0102
    const result = await decodeFrame(RLE, rleFrame([1, 0xff, 0x01, -1 & 255, 0], [1, 0xfe, 0x02, -1 & 255, 0]),
      info({ bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed' }));
    expect(result.ok && result.value.pixels).toBeInstanceOf(Int16Array);
    expect(result.ok && Array.from(result.value.pixels)).toEqual([-2, 258, 0, 0]);
  });

  it('colour: one segment per component becomes interleaved RGB', async () => {
    const result = await decodeFrame(RLE, rleFrame([-1 & 255, 1], [-1 & 255, 2], [-1 & 255, 3]),
      info({ columns: 2, samplesPerPixel: 3, photometricInterpretation: 'RGB' }));
    expect(result.ok && Array.from(result.value.pixels)).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it.each([
    ['a header that lists the wrong number of segments', rleFrame([3, 1, 2, 3, 4], [3, 1, 2, 3, 4])],
    ['a segment that ends too soon', rleFrame([2, 1, 2, 3])],
    ['a segment offset past the end', (() => { const f = rleFrame([3, 1, 2, 3, 4]); f[4] = 200; return f; })()],
    ['a frame shorter than its header', new Uint8Array(10)],
  ])('%s is CORRUPT_PIXEL_DATA', async (_, frame) => {
    const result = await decodeFrame(RLE, frame, info({}));
    expect(result.ok ? 'decoded' : result.error.code).toBe('CORRUPT_PIXEL_DATA');
  });
});
