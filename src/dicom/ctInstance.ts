import type { PhotometricInterpretation, PixelPadding } from './pixelTypes';
import type { SlicePixels } from './slicePixels';
import type { Vec3 } from './vec3';

/**
 * The spacing used for lengths on this image (0028,0030 or, failing that, 0018,1164): `row` is the distance between
 * rows (vertical), `column` between columns.
 */
export interface PixelSpacingMm {
  readonly row: number;
  readonly column: number;
}

/**
 * Where an image's millimetres come from. PixelSpacing is calibrated in the patient; ImagerPixelSpacing only at the
 * detector (projection images: lengths are magnified, the UI says "detector calibration"); without either, lengths
 * are pixels, and measurements on such an image are not millimetres (STYLE.md, principle 2).
 */
export type Calibration =
  | { readonly kind: 'pixel-spacing'; readonly rowMm: number; readonly columnMm: number }
  | { readonly kind: 'imager-pixel-spacing'; readonly rowMm: number; readonly columnMm: number }
  | { readonly kind: 'uncalibrated'; readonly rowMm?: undefined; readonly columnMm?: undefined };

/** ImageOrientationPatient (0020,0037): direction cosines of the first row and the first column. */
export interface ImageOrientation {
  readonly row: Vec3;
  readonly column: Vec3;
}

export type { PhotometricInterpretation, PixelFormat, PixelPadding, StoredPixels } from './pixelTypes';

/**
 * One slice: a single-frame image, or one frame of a multi-frame image, with the attributes we read for it. The name
 * is historical: it is any greyscale or colour image, CT or not. Pixels are decoded on demand (`pixels`).
 */
export interface CtInstance {
  /** Where the bytes came from (a path relative to the sample folder, or a local file's path). */
  readonly file: string;
  readonly patient: { readonly id: string; readonly name: string };
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  /** Shared by every frame of a multi-frame file: with `frameNumber` it names the slice. */
  readonly sopInstanceUid: string;
  /** 1-based frame within the file (DICOM's ReferencedFrameNumber); 1 for single-frame files. */
  readonly frameNumber: number;
  readonly numberOfFrames: number;
  /** ISO date `YYYY-MM-DD`, or undefined when StudyDate is absent or not a valid DA. */
  readonly studyDate: string | undefined;
  readonly studyDescription: string;
  readonly seriesDescription: string;
  readonly seriesNumber: number | undefined;
  readonly modality: string;
  readonly instanceNumber: number | undefined;
  readonly rows: number;
  readonly columns: number;
  /** Where lengths come from; `pixelSpacingMm` is its row/column pair, undefined when uncalibrated. */
  readonly calibration: Calibration;
  readonly pixelSpacingMm: PixelSpacingMm | undefined;
  readonly sliceThicknessMm: number | undefined;
  readonly imagePositionPatientMm: Vec3 | undefined;
  readonly imageOrientationPatient: ImageOrientation | undefined;
  /** Modality LUT: output = stored * slope + intercept (Hounsfield units for CT). */
  readonly rescale: { readonly slope: number; readonly intercept: number };
  /** The first WindowCenter/WindowWidth pair in the file, in output (modality) units. */
  readonly window: { readonly centre: number; readonly width: number } | undefined;
  readonly bitsAllocated: 8 | 16;
  readonly bitsStored: number;
  readonly pixelRepresentation: 'unsigned' | 'signed';
  readonly samplesPerPixel: 1 | 3;
  readonly photometricInterpretation: PhotometricInterpretation;
  readonly pixelPadding: PixelPadding | undefined;
  readonly transferSyntaxUid: string;
  /** The decoded stored values, on demand (decoded off the main thread in the app). */
  readonly pixels: SlicePixels;
}

/** Everything about a slice that a header tells, before any pixel is read: what a worker sends back. */
export type SliceHeader = Omit<CtInstance, 'pixels'>;

/** A slice's identity within an import: the same file chosen twice is one slice. */
export const sliceKey = (slice: Pick<CtInstance, 'sopInstanceUid' | 'frameNumber'>): string =>
  `${slice.sopInstanceUid}#${slice.frameNumber}`;
