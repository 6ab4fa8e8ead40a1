import type { StoredPixels } from './ctInstance';

export interface StoredPixelLayout {
  /** Byte offset of the first pixel within `bytes`. */
  readonly offset: number;
  readonly pixelCount: number;
  readonly signed: boolean;
  readonly bigEndian: boolean;
}

/**
 * 16-bit stored values from a file's bytes, as an Int16Array (PixelRepresentation 1) or Uint16Array (0).
 * Little-endian data is returned as a view on `bytes` (no copy) when it is 2-byte aligned; typed arrays use the
 * host's byte order, which is little endian on every platform a browser runs on. Big-endian data, and the rare
 * odd-aligned view, get one integer copy.
 *
 * Bits above BitsStored are passed through: CT writers sign-extend them, and masking would cost a copy.
 */
export function storedPixels(bytes: Uint8Array, layout: StoredPixelLayout): StoredPixels {
  const { offset, pixelCount, signed, bigEndian } = layout;
  if (bigEndian) return swappedCopy(bytes, offset, pixelCount, signed);
  const start = bytes.byteOffset + offset;
  if (start % 2 === 0) {
    return signed ? new Int16Array(bytes.buffer, start, pixelCount) : new Uint16Array(bytes.buffer, start, pixelCount);
  }
  const aligned = bytes.slice(offset, offset + pixelCount * 2);
  return signed ? new Int16Array(aligned.buffer, 0, pixelCount) : new Uint16Array(aligned.buffer, 0, pixelCount);
}

function swappedCopy(bytes: Uint8Array, offset: number, pixelCount: number, signed: boolean): StoredPixels {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, pixelCount * 2);
  if (signed) {
    const out = new Int16Array(pixelCount);
    for (let i = 0; i < pixelCount; i++) out[i] = view.getInt16(i * 2, false);
    return out;
  }
  const out = new Uint16Array(pixelCount);
  for (let i = 0; i < pixelCount; i++) out[i] = view.getUint16(i * 2, false);
  return out;
}
