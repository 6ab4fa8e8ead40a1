// A decoded CtInstance as the image object cornerstone-core renders (its "Image" contract, greyscale subset).
import type { CtInstance, StoredPixels } from '../dicom/ctInstance';

/**
 * Exactly the fields cornerstone-core 2.6.1 reads for a greyscale image. We keep our own type because
 * @types/cornerstone-core declares `getPixelData: () => number[]` (it is a typed array) and many fields that only
 * colour and web images use; imageLoader.ts converts once at the boundary.
 */
export interface GreyscaleImage {
  readonly imageId: string;
  readonly getPixelData: () => StoredPixels;
  /** Range of the stored values: cornerstone sizes and offsets its LUT with it, so it must be the true range. */
  readonly minPixelValue: number;
  readonly maxPixelValue: number;
  readonly slope: number;
  readonly intercept: number;
  readonly windowCenter: number;
  readonly windowWidth: number;
  readonly rows: number;
  readonly columns: number;
  readonly height: number;
  readonly width: number;
  readonly rowPixelSpacing: number;
  readonly columnPixelSpacing: number;
  readonly invert: boolean;
  readonly color: false;
  readonly rgba: false;
  readonly sizeInBytes: number;
}

export function storedValueRange(pixels: StoredPixels): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return pixels.length === 0 ? { min: 0, max: 0 } : { min, max };
}

export function toCornerstoneImage(imageId: string, instance: CtInstance): GreyscaleImage {
  const { pixels, rescale } = instance;
  const { min, max } = storedValueRange(pixels);
  const window = instance.window ?? fullRangeWindow(min, max, rescale.slope, rescale.intercept);
  // cornerstone only uses spacing for the displayed aspect ratio; 1:1 is right for an uncalibrated image. Lengths
  // never come from here: they use CtInstance.pixelSpacingMm, which stays undefined (STYLE.md, principle 2).
  const spacing = instance.pixelSpacingMm ?? { row: 1, column: 1 };
  return {
    imageId,
    getPixelData: () => pixels,
    minPixelValue: min,
    maxPixelValue: max,
    slope: rescale.slope,
    intercept: rescale.intercept,
    windowCenter: window.centre,
    windowWidth: window.width,
    rows: instance.rows,
    columns: instance.columns,
    height: instance.rows,
    width: instance.columns,
    rowPixelSpacing: spacing.row,
    columnPixelSpacing: spacing.column,
    // MONOCHROME1: the lowest value is white (PS3.3 C.7.6.3.1.2).
    invert: instance.photometricInterpretation === 'MONOCHROME1',
    color: false,
    rgba: false,
    sizeInBytes: pixels.byteLength,
  };
}

/** Without a window in the file, show every value: centre and width of the modality-scaled range. */
function fullRangeWindow(min: number, max: number, slope: number, intercept: number) {
  const low = Math.min(min * slope, max * slope) + intercept;
  const high = Math.max(min * slope, max * slope) + intercept;
  return { centre: (low + high) / 2, width: Math.max(1, high - low) };
}
