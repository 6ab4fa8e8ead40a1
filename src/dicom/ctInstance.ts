import type { UncompressedTransferSyntaxUid } from './transferSyntax';
import type { Vec3 } from './vec3';

/** PixelSpacing (0028,0030): `row` is the distance between rows (vertical), `column` between columns. */
export interface PixelSpacingMm {
  readonly row: number;
  readonly column: number;
}

/** ImageOrientationPatient (0020,0037): direction cosines of the first row and the first column. */
export interface ImageOrientation {
  readonly row: Vec3;
  readonly column: Vec3;
}

export type PhotometricInterpretation = 'MONOCHROME1' | 'MONOCHROME2';

/**
 * Stored values exactly as in the file (before the modality LUT), one per pixel, row by row. A view on the file's
 * bytes whenever they are little endian and aligned, so a 40-slice study costs its file size once, not twice.
 */
export type StoredPixels = Int16Array | Uint16Array;

/** One decoded greyscale image (CT, or any single-frame MONOCHROME image) and the attributes we read from it. */
export interface CtInstance {
  /** Where the bytes came from (a path relative to the sample folder, or a local file name). */
  readonly file: string;
  readonly patient: { readonly id: string; readonly name: string };
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  /** ISO date `YYYY-MM-DD`, or undefined when StudyDate is absent or not a valid DA. */
  readonly studyDate: string | undefined;
  readonly studyDescription: string;
  readonly seriesDescription: string;
  readonly seriesNumber: number | undefined;
  readonly modality: string;
  readonly instanceNumber: number | undefined;
  readonly rows: number;
  readonly columns: number;
  /** Undefined when the file has no PixelSpacing: lengths on such an image are not millimetres (STYLE.md, 2). */
  readonly pixelSpacingMm: PixelSpacingMm | undefined;
  readonly sliceThicknessMm: number | undefined;
  readonly imagePositionPatientMm: Vec3 | undefined;
  readonly imageOrientationPatient: ImageOrientation | undefined;
  /** Modality LUT: output = stored * slope + intercept (Hounsfield units for CT). */
  readonly rescale: { readonly slope: number; readonly intercept: number };
  /** The first WindowCenter/WindowWidth pair in the file, in output (modality) units. */
  readonly window: { readonly centre: number; readonly width: number } | undefined;
  readonly bitsAllocated: 16;
  readonly bitsStored: number;
  readonly pixelRepresentation: 'unsigned' | 'signed';
  readonly photometricInterpretation: PhotometricInterpretation;
  readonly transferSyntaxUid: UncompressedTransferSyntaxUid;
  readonly pixels: StoredPixels;
}
