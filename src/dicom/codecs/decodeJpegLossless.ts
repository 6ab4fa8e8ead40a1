// JPEG lossless, process 14 (1.2.840.10008.1.2.4.57 and its selection-value-1 subset .70), in plain JS.
// Cornerstone's fork of rii-mango's decoder: the original drops the last sample of a frame whose entropy-coded data
// ends on a byte boundary, which dcmtk produces (seen here on an RGB frame ending in a run of black).
import { Decoder } from '@cornerstonejs/jpeg-lossless-decoder-js';
import type { Result } from '../../shared/result';
import { corrupt, describeThrown, type CodecError } from './codecError';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { decodedFrameFrom } from './decodedFrameFrom';
import { endsWithMarker } from './endsWithMarker';

const EOI = 0xd9;

export function decodeJpegLossless(frame: Uint8Array, info: FrameInfo): Result<DecodedFrame, CodecError> {
  if (!endsWithMarker(frame, EOI)) return corrupt('JPEG lossless stream does not end with EOI: truncated');
  let samples: Uint8Array | Uint16Array;
  try {
    // Colour is 8-bit and comes out interleaved; greyscale comes out as BitsAllocated-wide unsigned samples.
    const bytesPerSample = info.samplesPerPixel === 3 ? 1 : info.bitsAllocated / 8;
    // The decoder reads an ArrayBuffer; a frame on shared memory is copied first.
    const [buffer, offset] = frame.buffer instanceof ArrayBuffer ? [frame.buffer, frame.byteOffset] : [frame.slice().buffer, 0];
    samples = new Decoder().decode(buffer, offset, frame.length, bytesPerSample);
  } catch (thrown) {
    return corrupt(`JPEG lossless: ${describeThrown(thrown)}`);
  }
  // The decoder has no notion of sign: signed images come back as their low BitsStored bits.
  return decodedFrameFrom(samples, info, false);
}
