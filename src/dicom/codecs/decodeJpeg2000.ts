// JPEG 2000 (1.2.840.10008.1.2.4.90 and .91) through OpenJPEG. Loaded only when such a frame arrives.
import openJpegFactory from '@cornerstonejs/codec-openjpeg/decodewasmjs';
import type { Result } from '../../shared/result';
import { corrupt, type CodecError } from './codecError';
import { checkShape, decodedFrameFrom, samplesOf } from './decodedFrameFrom';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { checkStatedFrame, checkTileParts, j2kCodestream, j2kStatedFrame } from './statedFrame';
import { streamEnd } from './streamEnd';
import { lazyWasmCodec, readDecoded, runWasmDecoder } from './wasmCodec';

const openJpeg = lazyWasmCodec(openJpegFactory, () => import('@cornerstonejs/codec-openjpeg/decodewasm?url'));

// A J2K codestream ends with EOC (FFD9). OpenJPEG decodes a truncated one without complaint (truncation is a
// legitimate quality cut in JPEG 2000), but in a DICOM frame it means lost bytes, and a reader must not measure on it.
const EOC = 0xd9;

export async function decodeJpeg2000(frame: Uint8Array, info: FrameInfo): Promise<Result<DecodedFrame, CodecError>> {
  const codestream = j2kCodestream(frame);
  const end = streamEnd(codestream, EOC);
  if (end === undefined) return corrupt('JPEG 2000 codestream does not end with EOC: truncated');
  const module = await openJpeg.load();
  const stated = checkStatedFrame(j2kStatedFrame(frame), info);
  if (!stated.ok) return stated;
  const tileParts = checkTileParts(codestream, end);
  if (!tileParts.ok) return tileParts;
  const decoded = runWasmDecoder(openJpeg, new module.J2KDecoder(), codestream.subarray(0, end), readDecoded);
  if (!decoded.ok) return decoded;
  const { frameInfo, bytes } = decoded.value;
  const shape = checkShape(frameInfo, info);
  if (!shape.ok) return corrupt([shape.error.detail, ...openJpeg.takeMessages()].join('; '));
  // OpenJPEG undoes the ICT/RCT colour transform itself, so YBR_ICT and YBR_RCT frames come out as RGB.
  return decodedFrameFrom(samplesOf(bytes, frameInfo.bitsPerSample), info, false);
}
