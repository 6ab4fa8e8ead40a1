// The last step every codec shares: checked samples to the DecodedFrame the loading pipeline expects.
import { ok, type Result } from '../../shared/result';
import { corrupt, unsupported, type CodecError } from './codecError';
import { ybrFullToRgb } from './colour';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { storedValues } from './signExtend';

/** What a codec says it decoded, to be checked against what the dataset promised. */
export interface CodecFrameShape {
  readonly width: number;
  readonly height: number;
  readonly componentCount: number;
}

export function checkShape(shape: CodecFrameShape, info: FrameInfo): Result<true, CodecError> {
  const { width, height, componentCount } = shape;
  if (width !== info.columns || height !== info.rows || componentCount !== info.samplesPerPixel) {
    return corrupt(
      `codec decoded ${width}x${height}x${componentCount}; the dataset says ` +
        `${info.columns}x${info.rows}x${info.samplesPerPixel}`,
    );
  }
  return ok(true);
}

/** Little-endian decoded bytes as samples of the codec's width: a view, no copy (`bytes` must start 2-byte aligned). */
export function samplesOf(bytes: Uint8Array, bitsPerSample: number): Uint8Array | Uint16Array {
  return bitsPerSample > 8 ? new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1) : bytes;
}

/**
 * Greyscale samples become stored values (signExtend.ts) of BitsAllocated width; colour samples (interleaved,
 * 8-bit) become RGB. `converted` says the codec already turned YBR_FULL(_422) into RGB, as libjpeg does for lossy
 * JPEG. YBR_ICT and YBR_RCT are left alone: they name the JPEG 2000 transform, which OpenJPEG undoes itself.
 */
export function decodedFrameFrom(
  samples: Uint8Array | Uint16Array,
  info: FrameInfo,
  converted: boolean,
): Result<DecodedFrame, CodecError> {
  const expected = info.rows * info.columns * info.samplesPerPixel;
  if (samples.length !== expected) return corrupt(`codec gave ${samples.length} samples; the frame has ${expected}`);
  if (info.samplesPerPixel === 3) {
    if (!(samples instanceof Uint8Array) || info.bitsAllocated !== 8) return unsupported('colour with more than 8 bits');
    const ybr = info.photometricInterpretation.startsWith('YBR_FULL');
    return ok({ pixels: ybr && !converted ? ybrFullToRgb(samples) : samples, samplesPerPixel: 3 });
  }
  const wide = info.bitsAllocated === 16;
  if (!wide && samples instanceof Uint16Array) return corrupt('codec gave 16-bit samples; BitsAllocated is 8');
  // A 16-bit image whose codec stream is 8 bits deep (BitsStored <= 8) comes back as bytes; widen it.
  const sized = wide && samples instanceof Uint8Array ? Uint16Array.from(samples) : samples;
  return ok({ pixels: storedValues(sized, info.bitsStored, info.pixelRepresentation), samplesPerPixel: 1 });
}
