// JPEG lossless, process 14 (1.2.840.10008.1.2.4.57 and its selection-value-1 subset .70), in plain JS.
// Cornerstone's fork of rii-mango's decoder: the original drops the last sample of a frame whose entropy-coded data
// ends on a byte boundary, which dcmtk produces (seen here on an RGB frame ending in a run of black).
import { Decoder } from '@cornerstonejs/jpeg-lossless-decoder-js';
import type { Result } from '../../shared/result';
import { corrupt, describeThrown, type CodecError } from './codecError';
import { decodedFrameFrom } from './decodedFrameFrom';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { checkStatedFrame, jpegStatedFrame } from './statedFrame';
import { streamEnd } from './streamEnd';

const EOI = 0xd9;

export function decodeJpegLossless(frame: Uint8Array, info: FrameInfo): Result<DecodedFrame, CodecError> {
  const end = streamEnd(frame, EOI);
  if (end === undefined) return corrupt('JPEG lossless stream does not end with EOI: truncated');
  const stated = checkStatedFrame(jpegStatedFrame(frame), info);
  if (!stated.ok) return stated;
  let samples: Uint8Array | Uint16Array;
  const decoder = new Decoder();
  try {
    // Colour is 8-bit and comes out interleaved; greyscale comes out as BitsAllocated-wide unsigned samples.
    const bytesPerSample = info.samplesPerPixel === 3 ? 1 : info.bitsAllocated / 8;
    // The decoder reads an ArrayBuffer; a frame on shared memory is copied first.
    const [buffer, offset] = frame.buffer instanceof ArrayBuffer ? [frame.buffer, frame.byteOffset] : [frame.slice().buffer, 0];
    samples = decoder.decode(buffer, offset, end, bytesPerSample);
  } catch (thrown) {
    return corrupt(`JPEG lossless: ${describeThrown(thrown)}`);
  }
  // Damaged entropy-coded data meets a marker or the stream's end before the last row: the decoder stops there
  // without a word and leaves the rest of the image zero. A whole image has all its rows decoded.
  if (decoder.yLoc < decoder.yDim) {
    return corrupt(`JPEG lossless: the data ran out at row ${decoder.yLoc + 1} of ${decoder.yDim} (damaged or missing bytes)`);
  }
  // The decoder has no notion of sign: signed images come back as their low BitsStored bits.
  return decodedFrameFrom(samples, info, false);
}
