import type { DecodedPixels, FrameInfo } from './frameTypes';

/** Samples as a decoder or a file gives them: the right width (BitsAllocated), any signedness. */
export type RawSamples = Uint8Array | Int8Array | Uint16Array | Int16Array;

/**
 * Stored values as PS3.5 section 8 defines them: only the low BitsStored bits are the value (HighBit is taken to be
 * BitsStored - 1, as in every modality we read). Unsigned: the bits above are cleared, because they may hold old
 * overlay data or whatever a codec left there. Signed: bit BitsStored - 1 is the sign and is copied upwards, because
 * codecs (JPEG lossless, JPEG-LS) return the low BitsStored bits only, while CT writers usually store them
 * sign-extended already; both become the same value.
 *
 * The result has the type the signedness asks for (Int16Array / Uint16Array / Int8Array / Uint8Array). When
 * BitsStored fills the sample there is nothing to change and the result is a view on the same memory as `samples`
 * (no copy); otherwise it is a new array and `samples` is left untouched.
 */
export function storedValues(
  samples: RawSamples,
  bitsStored: number,
  pixelRepresentation: FrameInfo['pixelRepresentation'],
): DecodedPixels {
  const width = samples.BYTES_PER_ELEMENT * 8;
  if (!Number.isInteger(bitsStored) || bitsStored < 1 || bitsStored > width) {
    throw new RangeError(`BitsStored ${bitsStored} does not fit ${width}-bit samples`);
  }
  const signed = pixelRepresentation === 'signed';
  const out = reinterpret(samples, signed);
  if (bitsStored === width) return out;
  const copy = out.slice();
  if (signed) {
    const shift = 32 - bitsStored;
    for (let i = 0; i < copy.length; i++) copy[i] = ((copy[i] as number) << shift) >> shift;
  } else {
    const mask = (1 << bitsStored) - 1;
    for (let i = 0; i < copy.length; i++) copy[i] = (copy[i] as number) & mask;
  }
  return copy;
}

/** The same bits, read with the other signedness: a view, no copy. */
function reinterpret(samples: RawSamples, signed: boolean): DecodedPixels {
  const { buffer, byteOffset, length } = samples;
  if (samples.BYTES_PER_ELEMENT === 2) {
    return signed ? new Int16Array(buffer, byteOffset, length) : new Uint16Array(buffer, byteOffset, length);
  }
  return signed ? new Int8Array(buffer, byteOffset, length) : new Uint8Array(buffer, byteOffset, length);
}
