// Compressed frame bytes to pixels, for every common encapsulated transfer syntax; the same code in Node and in a
// browser worker. The WASM codecs load on first use (dynamic import), so the first screen does not pay for them.
import { assertNever } from '../../shared/assertNever';
import type { Result } from '../../shared/result';
import { unsupported, type CodecError, type CodecErrorCode } from './codecError';
import { decodeRle } from './decodeRle';
import { decodedFrameFrom } from './decodedFrameFrom';
import type { DecodedFrame, FrameInfo } from './frameTypes';
import { DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, frameCodecOf, NATIVE_TRANSFER_SYNTAXES } from './transferSyntaxCodecs';

export type { CodecError, CodecErrorCode };
export type { DecodedFrame, DecodedPixels, FrameInfo } from './frameTypes';

/** Encapsulated pixel data: each frame must go through decodeFrame. */
export const isCompressedTransferSyntax = (uid: string): boolean => frameCodecOf(uid) !== undefined;

/** Every transfer syntax whose pixels we can read: native ones, deflated (inflateDeflatedDataset) and compressed. */
export const isSupportedTransferSyntax = (uid: string): boolean =>
  NATIVE_TRANSFER_SYNTAXES.includes(uid) || uid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN || isCompressedTransferSyntax(uid);

/**
 * One compressed frame's bytes (as dicom-parser's readEncapsulatedPixelDataFromFragments gives them) to pixels.
 * Never throws for bad data: a truncated or undecodable frame is CORRUPT_PIXEL_DATA. It rejects only if a codec's
 * WASM file cannot be loaded, which is a deployment bug.
 */
export async function decodeFrame(
  transferSyntaxUid: string,
  frame: Uint8Array,
  info: FrameInfo,
): Promise<Result<DecodedFrame, CodecError>> {
  const codec = frameCodecOf(transferSyntaxUid);
  if (codec === undefined) return unsupported(`transfer syntax ${transferSyntaxUid} has no decoder`);
  if (info.samplesPerPixel === 3 && info.bitsAllocated !== 8) return unsupported('colour with more than 8 bits');
  switch (codec) {
    case 'rle': {
      const samples = decodeRle(frame, info);
      return samples.ok ? decodedFrameFrom(samples.value, info, false) : samples;
    }
    case 'jpegBaseline':
      return (await import('./decodeJpegBaseline')).decodeJpegBaseline(frame, info);
    case 'jpegExtended':
      return (await import('./decodeJpegExtended')).decodeJpegExtended(frame, info);
    case 'jpegLossless':
      return (await import('./decodeJpegLossless')).decodeJpegLossless(frame, info);
    case 'jpegLs':
      return (await import('./decodeJpegLs')).decodeJpegLs(frame, info);
    case 'jpeg2000':
      return (await import('./decodeJpeg2000')).decodeJpeg2000(frame, info);
    default:
      return assertNever(codec, 'frame codec');
  }
}
