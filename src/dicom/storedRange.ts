// The last pass over a greyscale frame's stored values, in place: sign extension from BitsStored, padding, range.
import type { PixelPadding, StoredPixels } from './ctInstance';

export interface StoredRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Makes `pixels` the stored values PS3.5 section 8 defines, and returns their range:
 * - only the low BitsStored bits are the value (HighBit = BitsStored - 1): unsigned values lose the bits above
 *   (old overlays live there), signed ones get bit BitsStored - 1 copied upwards;
 * - padding (compared on the values as stored, before either) becomes the smallest real value, so the area outside
 *   the scan field draws as the darkest tissue instead of, say, a white frame of -2000 read as unsigned;
 * - min and max cover the real values only: cornerstone sizes its lookup table with them.
 * One pass when there is no padding; two when there is (the minimum must be known before it is written).
 */
export function finishGreyscale(pixels: StoredPixels, bitsStored: number, padding: PixelPadding | undefined): StoredRange {
  const width = pixels.BYTES_PER_ELEMENT * 8;
  const signed = pixels instanceof Int16Array || pixels instanceof Int8Array;
  const narrow = bitsStored < width;
  const shift = 32 - bitsStored;
  const mask = bitsStored >= 31 ? -1 : (1 << bitsStored) - 1;
  const value = (raw: number) => (!narrow ? raw : signed ? (raw << shift) >> shift : raw & mask);
  const n = pixels.length;

  if (padding === undefined) {
    let min = Infinity;
    let max = -Infinity;
    if (!narrow) {
      for (let i = 0; i < n; i++) {
        const v = pixels[i] as number;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = value(pixels[i] as number);
        pixels[i] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return n === 0 ? { min: 0, max: 0 } : { min, max };
  }

  const limit = padding.rangeLimit ?? padding.value;
  const low = Math.min(padding.value, limit);
  const high = Math.max(padding.value, limit);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const raw = pixels[i] as number;
    if (raw >= low && raw <= high) continue;
    const v = value(raw);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Nothing but padding: leave the frame as it is, so it still draws as one flat value.
  if (min === Infinity) return finishGreyscale(pixels, bitsStored, undefined);
  for (let i = 0; i < n; i++) {
    const raw = pixels[i] as number;
    pixels[i] = raw >= low && raw <= high ? min : value(raw);
  }
  return { min, max };
}
