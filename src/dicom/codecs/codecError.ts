import { err, type Result } from '../../shared/result';

/** Why a frame could not become pixels. Closed set; worded for users in src/dicom/dicomMessages.ts. */
export type CodecErrorCode = 'UNSUPPORTED_TRANSFER_SYNTAX' | 'CORRUPT_PIXEL_DATA' | 'SIZE_MISMATCH';

export interface CodecError {
  readonly code: CodecErrorCode;
  /** Technical detail for logs and tooltips (codec message, sizes, UID); not user wording. */
  readonly detail: string;
}

export const unsupported = (detail: string): Result<never, CodecError> =>
  err({ code: 'UNSUPPORTED_TRANSFER_SYNTAX', detail });

export const corrupt = (detail: string): Result<never, CodecError> => err({ code: 'CORRUPT_PIXEL_DATA', detail });

/** The stream's own frame header disagrees with the dataset: refused before its decoder allocates for it. */
export const sizeMismatch = (detail: string): Result<never, CodecError> => err({ code: 'SIZE_MISMATCH', detail });

/**
 * Words for whatever a foreign decoder threw. Emscripten codecs throw a bare number (a pointer to a C++
 * exception), dicom-parser and older JS decoders throw strings; none of that is a bug of ours, so it becomes data.
 */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  if (typeof thrown === 'number') return `native decoder exception ${thrown}`;
  return String(thrown);
}
