// JPEG Extended (1.2.840.10008.1.2.4.51): 8-bit streams go to libjpeg-turbo, 12-bit ones to our own decoder.
import type { Result } from '../../shared/result';
import { corrupt, type CodecError } from './codecError';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { checkShape, decodedFrameFrom } from './decodedFrameFrom';
import { checkStatedFrame, jpegStatedFrame } from './statedFrame';
import { streamEnd } from './streamEnd';
import { decodeJpeg12 } from './jpegExtended/decodeJpeg12';

const EOI = 0xd9;

export async function decodeJpegExtended(frame: Uint8Array, info: FrameInfo): Promise<Result<DecodedFrame, CodecError>> {
  const header = jpegStatedFrame(frame);
  if (header.ok && header.value.precision === 8) {
    const { decodeJpegBaseline } = await import('./decodeJpegBaseline');
    return decodeJpegBaseline(frame, info);
  }
  const end = streamEnd(frame, EOI);
  if (end === undefined) return corrupt('JPEG stream does not end with EOI: truncated');
  const stated = checkStatedFrame(header, info);
  if (!stated.ok) return stated;
  const decoded = decodeJpeg12(frame.subarray(0, end));
  if (!decoded.ok) return decoded;
  const { width, height, samples } = decoded.value;
  const shape = checkShape({ width, height, componentCount: 1 }, info);
  if (!shape.ok) return shape;
  return decodedFrameFrom(samples, info, false);
}
