// How an image's pixels are laid out and stored: what the decoders, the pixel store and the slices share. A file of
// its own (imports nothing), so ctInstance.ts, slicePixels.ts and storedRange.ts need not import each other.

/** The photometric interpretations we can show: greyscale, and colour as native RGB/YBR or as a codec outputs it. */
export type PhotometricInterpretation =
  | 'MONOCHROME1'
  | 'MONOCHROME2'
  | 'RGB'
  | 'YBR_FULL'
  | 'YBR_FULL_422'
  | 'YBR_PARTIAL_420'
  | 'YBR_ICT'
  | 'YBR_RCT';

/**
 * Stored values exactly as in the file (before the modality LUT), one per pixel, row by row, sign-extended from
 * BitsStored. Integers only: a 300-slice CT costs its stored size, never a Float32 copy.
 */
export type StoredPixels = Int16Array | Uint16Array | Int8Array | Uint8Array;

/** The Image Pixel module (PS3.3 C.7.6.3) as the decoders need it; the same shape as a codec's FrameInfo. */
export interface PixelFormat {
  readonly rows: number;
  readonly columns: number;
  readonly bitsAllocated: 8 | 16;
  readonly bitsStored: number;
  readonly pixelRepresentation: 'unsigned' | 'signed';
  readonly samplesPerPixel: 1 | 3;
  readonly photometricInterpretation: PhotometricInterpretation;
  readonly planarConfiguration: 0 | 1;
}

/**
 * PixelPaddingValue (0028,0120), up to PixelPaddingRangeLimit (0028,0121) when present, in stored values: pixels
 * outside the reconstructed field, drawn as the image's minimum rather than as tissue (PS3.3 C.7.5.1.1.2).
 */
export interface PixelPadding {
  readonly value: number;
  readonly rangeLimit: number | undefined;
}
