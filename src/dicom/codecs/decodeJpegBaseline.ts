// 8-bit lossy JPEG (1.2.840.10008.1.2.4.50, and .51 when the stream is 8 bits deep) through libjpeg-turbo.
import libjpegTurboFactory from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs';
import type { Result } from '../../shared/result';
import { corrupt, type CodecError } from './codecError';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { checkShape, decodedFrameFrom } from './decodedFrameFrom';
import { checkStatedFrame, jpegStatedFrame } from './statedFrame';
import { streamEnd } from './streamEnd';
import { lazyWasmCodec, readDecoded, runWasmDecoder } from './wasmCodec';

const libjpegTurbo = lazyWasmCodec(libjpegTurboFactory, () => import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url'));
const EOI = 0xd9;

export async function decodeJpegBaseline(frame: Uint8Array, info: FrameInfo): Promise<Result<DecodedFrame, CodecError>> {
  // libjpeg-turbo only warns on a truncated stream and fills the rest with grey.
  const end = streamEnd(frame, EOI);
  if (end === undefined) return corrupt('JPEG stream does not end with EOI: truncated');
  const module = await libjpegTurbo.load();
  const stated = checkStatedFrame(jpegStatedFrame(frame), info);
  if (!stated.ok) return stated;
  const decoded = runWasmDecoder(libjpegTurbo, new module.JPEGDecoder(), frame.subarray(0, end), readDecoded);
  if (!decoded.ok) return decoded;
  const { frameInfo, bytes } = decoded.value;
  const shape = checkShape(frameInfo, info);
  if (!shape.ok) return shape;
  // libjpeg converts YCbCr streams (YBR_FULL_422, YBR_FULL) to RGB itself, upsampling the chroma on the way.
  return decodedFrameFrom(bytes, info, true);
}
