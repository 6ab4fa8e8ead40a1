// The single call site of the codecs (src/dicom/codecs): whether a transfer syntax can be decoded, one encapsulated
// frame to pixels, a deflated data set inflated, and the colour conversions native pixel data shares with them.
// Nothing else in the loading pipeline imports them.
import type { Result } from '../shared/result';
import { decodeFrame, isCompressedTransferSyntax, type DecodedFrame } from './codecs/decodeFrame';
import { inflateDeflatedDataset } from './codecs/inflateDeflatedDataset';
import type { PixelFormat } from './pixelTypes';

export type CodecOutput = DecodedFrame;

export interface CodecProblem {
  readonly code: 'UNSUPPORTED_TRANSFER_SYNTAX' | 'CORRUPT_PIXEL_DATA' | 'SIZE_MISMATCH';
  readonly detail: string;
}

/** Encapsulated transfer syntaxes a decoder exists for. */
export const canDecodeCompressed = (transferSyntaxUid: string): boolean => isCompressedTransferSyntax(transferSyntaxUid);

/** One encapsulated frame (its fragments joined) to pixels; runs in a worker. */
export const decodeCompressed = (transferSyntaxUid: string, frame: Uint8Array, format: PixelFormat):
  Promise<Result<CodecOutput, CodecProblem>> => decodeFrame(transferSyntaxUid, frame, format);

/** A Deflated Explicit VR Little Endian file as the Explicit VR Little Endian file it stands for. */
export const inflateDataset = (part10: Uint8Array): Result<Uint8Array, CodecProblem> => inflateDeflatedDataset(part10);

export { planarToInterleaved, ybrFull422ToRgb, ybrFullToRgb } from './codecs/colour';
