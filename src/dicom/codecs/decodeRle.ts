// RLE Lossless (1.2.840.10008.1.2.5), DICOM PS3.5 Annex G: a 64-byte header of segment offsets, then one
// PackBits-compressed segment per byte of each sample, most significant byte first, one component after another.
import { ok, type Result } from '../../shared/result';
import { corrupt, unsupported, type CodecError } from './codecError';
import type { FrameInfo } from './frameTypes';

const HEADER_BYTES = 64;
const MAX_SEGMENTS = 15;

/** Greyscale: one sample per pixel (Uint8Array or little-endian Uint16Array). Colour: interleaved 8-bit samples. */
export function decodeRle(frame: Uint8Array, info: FrameInfo): Result<Uint8Array | Uint16Array, CodecError> {
  const bytesPerSample = info.bitsAllocated / 8;
  if (info.samplesPerPixel === 3 && bytesPerSample !== 1) return unsupported('RLE colour with 16 bits per sample');
  const pixelCount = info.rows * info.columns;
  const expected = info.samplesPerPixel * bytesPerSample;
  const offsets = segmentOffsets(frame, expected);
  if (!offsets.ok) return offsets;

  const segments: Uint8Array[] = [];
  for (let s = 0; s < expected; s++) {
    const start = offsets.value[s] as number;
    const end = s + 1 < expected ? (offsets.value[s + 1] as number) : frame.length;
    const segment = unpackBits(frame.subarray(start, end), pixelCount);
    if (segment === null) return corrupt(`RLE segment ${s + 1} of ${expected} holds fewer than ${pixelCount} bytes`);
    segments.push(segment);
  }
  return ok(assemble(segments, pixelCount, info));
}

function segmentOffsets(frame: Uint8Array, expected: number): Result<number[], CodecError> {
  if (frame.length < HEADER_BYTES) return corrupt(`RLE frame of ${frame.length} bytes is shorter than its header`);
  const view = new DataView(frame.buffer, frame.byteOffset, HEADER_BYTES);
  const count = view.getUint32(0, true);
  if (count !== expected || count > MAX_SEGMENTS) {
    return corrupt(`RLE header lists ${count} segments; this image needs ${expected}`);
  }
  const offsets: number[] = [];
  for (let s = 0; s < count; s++) {
    const offset = view.getUint32(4 + 4 * s, true);
    const previous = offsets[s - 1] ?? HEADER_BYTES - 1;
    if (offset <= previous || offset >= frame.length) {
      return corrupt(`RLE segment ${s + 1} starts at byte ${offset}, outside the ${frame.length}-byte frame`);
    }
    offsets.push(offset);
  }
  return ok(offsets);
}

/** PackBits (G.3.1): header byte n >= 0 copies n + 1 literal bytes, -127..-1 repeats the next byte 1 - n times, -128 is a no-op. */
function unpackBits(segment: Uint8Array, length: number): Uint8Array | null {
  const out = new Uint8Array(length);
  let i = 0;
  let o = 0;
  while (o < length && i < segment.length) {
    const n = ((segment[i++] as number) << 24) >> 24;
    if (n >= 0) {
      const count = Math.min(n + 1, length - o, segment.length - i);
      out.set(segment.subarray(i, i + count), o);
      i += n + 1;
      o += count;
    } else if (n !== -128) {
      if (i >= segment.length) break;
      const count = Math.min(1 - n, length - o);
      out.fill(segment[i++] as number, o, o + count);
      o += count;
    }
  }
  return o === length ? out : null;
}

function assemble(segments: readonly Uint8Array[], pixelCount: number, info: FrameInfo): Uint8Array | Uint16Array {
  if (info.samplesPerPixel === 3) {
    const out = new Uint8Array(pixelCount * 3);
    segments.forEach((plane, c) => {
      for (let i = 0; i < pixelCount; i++) out[i * 3 + c] = plane[i] as number;
    });
    return out;
  }
  const [high, low] = segments as [Uint8Array, Uint8Array | undefined];
  if (low === undefined) return high;
  const out = new Uint16Array(pixelCount);
  for (let i = 0; i < pixelCount; i++) out[i] = ((high[i] as number) << 8) | (low[i] as number);
  return out;
}
