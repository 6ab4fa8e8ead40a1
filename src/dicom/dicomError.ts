/**
 * Expected ways a file can fail to become a displayable instance. Closed set: each code is worded in
 * src/dicom/dicomMessages.ts, and the import report lists each file that failed with its code.
 */
export type DicomErrorCode =
  | 'NOT_DICOM'
  | 'TRUNCATED'
  | 'MALFORMED'
  | 'NO_PIXEL_DATA'
  | 'UNSUPPORTED_TRANSFER_SYNTAX'
  | 'UNSUPPORTED_PIXEL_FORMAT'
  | 'MISSING_ATTRIBUTE'
  /** The header is fine but a frame's bytes do not decode (damaged compressed stream, fragments missing). */
  | 'CORRUPT_PIXEL_DATA'
  /** NumberOfFrames promises more frames than the pixel data holds (checked before anything is built per frame). */
  | 'FRAME_COUNT_MISMATCH'
  /** A compressed frame's own header states another size, depth or sample count than the dataset (before decoding). */
  | 'SIZE_MISMATCH'
  /** The browser could not read the file (moved or deleted since it was chosen, or not permitted). */
  | 'UNREADABLE';

export interface DicomError {
  readonly code: DicomErrorCode;
  /** The file's name or path, as the caller knows it. */
  readonly file: string;
  /** Technical detail for logs and tooltips (parser message, attribute name, transfer syntax UID); not user wording. */
  readonly detail?: string;
}

export const dicomError = (code: DicomErrorCode, file: string, detail?: string): DicomError =>
  detail === undefined ? { code, file } : { code, file, detail };
