// Colour to interleaved RGB (PS3.3 C.7.6.3.1.2-3): planar to interleaved, YBR_FULL and YBR_FULL_422 to RGB.
import { describe, expect, it } from 'vitest';
import { nativeColourToRgb, planarToInterleaved, ybrFull422ToRgb, ybrFullToRgb } from '../../../src/dicom/codecs/colour';
import type { FrameInfo } from '../../../src/dicom/codecs/decodeFrame';

/** RGB to full-range YCbCr, the forward transform of PS3.3 C.7.6.3.1.2, clamped to bytes as an encoder does. */
const toYbr = ([r, g, b]: readonly number[]) =>
  [
    0.299 * r! + 0.587 * g! + 0.114 * b!,
    -0.168736 * r! - 0.331264 * g! + 0.5 * b! + 128,
    0.5 * r! - 0.418688 * g! - 0.081312 * b! + 128,
  ].map((v) => Math.min(255, Math.max(0, Math.round(v))));

const COLOURS = [[0, 0, 0], [255, 255, 255], [255, 0, 0], [0, 255, 0], [0, 0, 255], [128, 64, 200], [17, 250, 3]];

describe('colour conversions', () => {
  it('planar RRR GGG BBB becomes RGB RGB RGB', () => {
    expect(Array.from(planarToInterleaved(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), 3))).toEqual([1, 4, 7, 2, 5, 8, 3, 6, 9]);
  });

  it.each(COLOURS)('YBR_FULL of (%i, %i, %i) converts back within 1', (...rgb) => {
    const back = ybrFullToRgb(Uint8Array.from(toYbr(rgb)));
    back.forEach((v, i) => expect(Math.abs(v - rgb[i]!)).toBeLessThanOrEqual(1));
  });

  it('YBR_FULL_422: Y1 Y2 Cb Cr gives two pixels sharing the chroma', () => {
    const [y, cb, cr] = toYbr([128, 64, 200]);
    const rgb = ybrFull422ToRgb(Uint8Array.from([y!, y!, cb!, cr!]), 2, 1);
    expect(rgb).toHaveLength(6);
    expect(Array.from(rgb.subarray(0, 3))).toEqual(Array.from(rgb.subarray(3)));
    rgb.subarray(0, 3).forEach((v, i) => expect(Math.abs(v - [128, 64, 200][i]!)).toBeLessThanOrEqual(1));
  });

  it('conversion clamps to 0..255 instead of wrapping', () => {
    // R = 255 + 1.402 * 127 = 433 would wrap to 177 in a Uint8Array; G = 255 - 0.714136 * 127 = 164.3.
    expect(Array.from(ybrFullToRgb(Uint8Array.from([255, 128, 255])))).toEqual([255, 164, 255]);
  });

  describe('nativeColourToRgb', () => {
    const info: FrameInfo = {
      rows: 1, columns: 2, bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 'unsigned',
      samplesPerPixel: 3, photometricInterpretation: 'RGB', planarConfiguration: 0,
    };
    const rgb = [10, 20, 30, 40, 50, 60];

    it('RGB interleaved is returned as it is', () => {
      const bytes = Uint8Array.from(rgb);
      const result = nativeColourToRgb(bytes, info);
      expect(result.ok && result.value).toBe(bytes);
    });

    it('RGB planar is interleaved', () => {
      const result = nativeColourToRgb(Uint8Array.from([10, 40, 20, 50, 30, 60]), { ...info, planarConfiguration: 1 });
      expect(result.ok && Array.from(result.value)).toEqual(rgb);
    });

    it('YBR_FULL planar is interleaved, then converted', () => {
      const [a, b] = [toYbr([10, 20, 30]), toYbr([40, 50, 60])];
      const planar = Uint8Array.from([a[0]!, b[0]!, a[1]!, b[1]!, a[2]!, b[2]!]);
      const result = nativeColourToRgb(planar, { ...info, photometricInterpretation: 'YBR_FULL', planarConfiguration: 1 });
      expect(result.ok).toBe(true);
      if (result.ok) result.value.forEach((v, i) => expect(Math.abs(v - rgb[i]!)).toBeLessThanOrEqual(1));
    });

    it.each(['PALETTE COLOR', 'YBR_ICT', 'YBR_PARTIAL_420'])('%s is UNSUPPORTED_TRANSFER_SYNTAX for native data', (photometricInterpretation) => {
      const result = nativeColourToRgb(Uint8Array.from(rgb), { ...info, photometricInterpretation });
      expect(result.ok ? 'converted' : result.error.code).toBe('UNSUPPORTED_TRANSFER_SYNTAX');
    });
  });
});
