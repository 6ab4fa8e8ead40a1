// JPEG-LS lossless and near-lossless (1.2.840.10008.1.2.4.80 and .81) through CharLS. Loaded only when needed.
import charlsFactory from '@cornerstonejs/codec-charls/decodewasmjs';
import type { Result } from '../../shared/result';
import { corrupt, type CodecError } from './codecError';
import { planarToInterleaved } from './colour';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { checkShape, decodedFrameFrom, samplesOf } from './decodedFrameFrom';
import { checkStatedFrame, jpegStatedFrame } from './statedFrame';
import { streamEnd } from './streamEnd';
import { lazyWasmCodec, readDecoded, runWasmDecoder } from './wasmCodec';

const charls = lazyWasmCodec(charlsFactory, () => import('@cornerstonejs/codec-charls/decodewasm?url'));
const EOI = 0xd9;
/** CharLS returns colour planes one after another when the stream was encoded with interleave mode "none". */
const INTERLEAVE_NONE = 0;

export async function decodeJpegLs(frame: Uint8Array, info: FrameInfo): Promise<Result<DecodedFrame, CodecError>> {
  const end = streamEnd(frame, EOI);
  if (end === undefined) return corrupt('JPEG-LS stream does not end with EOI: truncated');
  const module = await charls.load();
  const stated = checkStatedFrame(jpegStatedFrame(frame), info);
  if (!stated.ok) return stated;
  const decoded = runWasmDecoder(charls, new module.JpegLSDecoder(), frame.subarray(0, end), (decoder) => ({
    ...readDecoded(decoder),
    planar: decoder.getInterleaveMode() === INTERLEAVE_NONE,
  }));
  if (!decoded.ok) return decoded;
  const { frameInfo, bytes, planar } = decoded.value;
  const shape = checkShape(frameInfo, info);
  if (!shape.ok) return shape;
  const samples = samplesOf(bytes, frameInfo.bitsPerSample);
  const interleaved =
    planar && info.samplesPerPixel === 3 && samples instanceof Uint8Array
      ? planarToInterleaved(samples, info.rows * info.columns)
      : samples;
  // JPEG-LS has no notion of sign: signed images come back as their low BitsStored bits, which storedValues extends.
  return decodedFrameFrom(interleaved, info, false);
}
