// Which spacing makes this image's millimetres (PS3.3 10.7.1.3): PixelSpacing, else ImagerPixelSpacing, else none.
import type { Calibration, PixelSpacingMm } from './ctInstance';

export function calibrationFrom(pixelSpacing: PixelSpacingMm | undefined, imagerPixelSpacing: PixelSpacingMm | undefined): Calibration {
  if (pixelSpacing) return { kind: 'pixel-spacing', rowMm: pixelSpacing.row, columnMm: pixelSpacing.column };
  if (imagerPixelSpacing) {
    return { kind: 'imager-pixel-spacing', rowMm: imagerPixelSpacing.row, columnMm: imagerPixelSpacing.column };
  }
  return { kind: 'uncalibrated' };
}

/** The spacing lengths use, for the fields that predate `calibration`. */
export const spacingOf = (calibration: Calibration): PixelSpacingMm | undefined =>
  calibration.kind === 'uncalibrated' ? undefined : { row: calibration.rowMm, column: calibration.columnMm };
