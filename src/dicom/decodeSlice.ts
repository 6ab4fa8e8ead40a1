// One frame's bytes -> a DecodedSlice: native pixel data here, encapsulated through the codec gateway.
import { err, ok, type Result } from '../shared/result';
import { decodeCompressed, planarToInterleaved, ybrFull422ToRgb, ybrFullToRgb } from './codecGateway';
import type { PixelFormat, PixelPadding, StoredPixels } from './pixelTypes';
import type { DicomErrorCode } from './dicomError';
import { nativeFrameBytes } from './pixelFormat';
import { greyscaleSlice, type DecodedSlice } from './slicePixels';
import { finishGreyscale } from './storedRange';

/** What a decoder needs to know about a frame besides its bytes. */
export interface FrameSpec {
  readonly transferSyntaxUid: string;
  readonly format: PixelFormat;
  readonly padding: PixelPadding | undefined;
}

/** A frame that would not decode; the caller adds the file name. */
export interface FrameProblem {
  readonly code: DicomErrorCode;
  readonly detail: string;
}

/**
 * Native pixel data of one frame. `owned`: `bytes` were read for this frame alone and may be changed in place (the
 * worker path, so a 300-slice series is never copied); otherwise they are left untouched and a change works on a
 * copy. Aligned little-endian data needing no change is returned as a view on `bytes`.
 */
export function decodeNativeFrame(bytes: Uint8Array, spec: FrameSpec & { readonly bigEndian: boolean }, owned: boolean):
  Result<DecodedSlice, FrameProblem> {
  const { format, padding } = spec;
  const expected = nativeFrameBytes(format);
  if (bytes.length < expected) return err({ code: 'TRUNCATED', detail: `frame has ${bytes.length} bytes, ${expected} expected` });
  const frame = bytes.length === expected ? bytes : bytes.subarray(0, expected);
  if (format.samplesPerPixel === 3) return ok({ kind: 'colour', rgb: nativeRgb(frame, format) });

  const changes = format.bitsStored < format.bitsAllocated || padding !== undefined;
  const signed = format.pixelRepresentation === 'signed';
  let pixels: StoredPixels;
  if (format.bitsAllocated === 8) {
    const mine = changes && !owned ? frame.slice() : frame;
    pixels = signed ? new Int8Array(mine.buffer, mine.byteOffset, mine.length) : mine;
  } else {
    // Typed arrays read in the host's order, little endian on every platform a browser runs on.
    const mustCopy = (!owned && (changes || spec.bigEndian)) || frame.byteOffset % 2 !== 0;
    const mine = mustCopy ? frame.slice() : frame;
    if (spec.bigEndian) swapBytes16(mine);
    const count = mine.length >> 1;
    pixels = signed ? new Int16Array(mine.buffer, mine.byteOffset, count) : new Uint16Array(mine.buffer, mine.byteOffset, count);
  }
  return ok(greyscaleSlice(pixels, finishGreyscale(pixels, format.bitsStored, padding)));
}

/** Native colour to interleaved RGB: RGB as it is (a view when interleaved), YBR_FULL and YBR_FULL_422 converted. */
function nativeRgb(frame: Uint8Array, format: PixelFormat): Uint8Array {
  const pixelCount = format.rows * format.columns;
  if (format.photometricInterpretation === 'YBR_FULL_422') return ybrFull422ToRgb(frame, format.columns, format.rows);
  const interleaved = format.planarConfiguration === 1 ? planarToInterleaved(frame, pixelCount) : frame;
  return format.photometricInterpretation === 'YBR_FULL' ? ybrFullToRgb(interleaved) : interleaved;
}

function swapBytes16(bytes: Uint8Array): void {
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const a = bytes[i] as number;
    bytes[i] = bytes[i + 1] as number;
    bytes[i + 1] = a;
  }
}

/** An encapsulated frame (fragments joined) through its codec; the codec's output is ours to finish in place. */
export async function decodeCompressedFrame(frame: Uint8Array, spec: FrameSpec): Promise<Result<DecodedSlice, FrameProblem>> {
  const decoded = await decodeCompressed(spec.transferSyntaxUid, frame, spec.format);
  if (!decoded.ok) return decoded;
  const { pixels, samplesPerPixel } = decoded.value;
  if (samplesPerPixel === 3) {
    if (!(pixels instanceof Uint8Array)) return err({ code: 'CORRUPT_PIXEL_DATA', detail: 'colour frame is not 8-bit' });
    return ok({ kind: 'colour', rgb: pixels });
  }
  return ok(greyscaleSlice(pixels, finishGreyscale(pixels, spec.format.bitsStored, spec.padding)));
}
