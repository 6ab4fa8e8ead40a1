// JPEG Extended (1.2.840.10008.1.2.4.51): 8-bit streams go to libjpeg-turbo, 12-bit ones to our own decoder.
import type { Result } from '../../shared/result';
import { corrupt, type CodecError } from './codecError';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { checkShape, decodedFrameFrom } from './decodedFrameFrom';
import { endsWithMarker } from './endsWithMarker';
import { decodeJpeg12 } from './jpegExtended/decodeJpeg12';

const EOI = 0xd9;

export async function decodeJpegExtended(frame: Uint8Array, info: FrameInfo): Promise<Result<DecodedFrame, CodecError>> {
  if (sofPrecision(frame) === 8) {
    const { decodeJpegBaseline } = await import('./decodeJpegBaseline');
    return decodeJpegBaseline(frame, info);
  }
  if (!endsWithMarker(frame, EOI)) return corrupt('JPEG stream does not end with EOI: truncated');
  const decoded = decodeJpeg12(frame);
  if (!decoded.ok) return decoded;
  const { width, height, samples } = decoded.value;
  const shape = checkShape({ width, height, componentCount: 1 }, info);
  if (!shape.ok) return shape;
  return decodedFrameFrom(samples, info, false);
}

/** The sample precision in the first SOFn marker segment, or undefined if there is none (T.81 B.2.2). */
export function sofPrecision(frame: Uint8Array): number | undefined {
  let at = 2;
  while (at + 4 < frame.length && frame[at] === 0xff) {
    const marker = frame[at + 1] as number;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return frame[at + 4];
    at += 2 + (((frame[at + 2] as number) << 8) | (frame[at + 3] as number));
  }
  return undefined;
}
