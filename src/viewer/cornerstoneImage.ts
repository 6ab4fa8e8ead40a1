// A decoded slice as the image object cornerstone-core renders (its "Image" contract, the subset it reads).
import type { CtInstance, StoredPixels } from '../dicom/ctInstance';
import type { DecodedSlice } from '../dicom/slicePixels';

/** The fields cornerstone-core 2.6.1 reads for every image. */
interface ImageBase {
  readonly imageId: string;
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
  readonly sizeInBytes: number;
}

/**
 * We keep our own types because @types/cornerstone-core declares `getPixelData: () => number[]` (it is a typed
 * array) and many fields only web images use; imageLoader.ts converts once at the boundary.
 */
export interface GreyscaleImage extends ImageBase {
  readonly getPixelData: () => StoredPixels;
  readonly color: false;
  readonly rgba: false;
}

/** Colour: cornerstone's colour path reads 4 bytes per pixel (it skips the 4th), so RGB is widened to RGBA once. */
export interface ColourImage extends ImageBase {
  readonly getPixelData: () => Uint8Array;
  readonly color: true;
  readonly rgba: false;
}

export type RenderableImage = GreyscaleImage | ColourImage;

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

/**
 * `decoded` defaults to what the slice has at hand; asking for an image of a slice not yet decoded is a bug of the
 * caller (the loader waits for `pixels.load()` first).
 */
export function toCornerstoneImage(imageId: string, instance: CtInstance, decoded = instance.pixels.peek()): RenderableImage {
  if (!decoded) throw new Error(`toCornerstoneImage: ${instance.file} frame ${instance.frameNumber} is not decoded yet`);
  // cornerstone only uses spacing for the displayed aspect ratio; 1:1 is right for an uncalibrated image. Lengths
  // never come from here: they use CtInstance.pixelSpacingMm, which stays undefined (STYLE.md, principle 2).
  const spacing = instance.pixelSpacingMm ?? { row: 1, column: 1 };
  const geometry = {
    imageId,
    rows: instance.rows,
    columns: instance.columns,
    height: instance.rows,
    width: instance.columns,
    rowPixelSpacing: spacing.row,
    columnPixelSpacing: spacing.column,
  };
  if (decoded.kind === 'colour') {
    let rgba: Uint8Array | undefined;
    return {
      ...geometry,
      getPixelData: () => (rgba ??= rgbToRgba(decoded.rgb)),
      minPixelValue: 0,
      maxPixelValue: 255,
      slope: 1,
      intercept: 0,
      windowCenter: 128,
      windowWidth: 255,
      invert: false,
      color: true,
      rgba: false,
      sizeInBytes: (decoded.rgb.length / 3) * 4,
    };
  }
  const { pixels, minStored: min, maxStored: max } = decoded;
  const { rescale } = instance;
  const window = instance.window ?? fullRangeWindow(min, max, rescale.slope, rescale.intercept);
  return {
    ...geometry,
    getPixelData: () => pixels,
    minPixelValue: min,
    maxPixelValue: max,
    slope: rescale.slope,
    intercept: rescale.intercept,
    windowCenter: window.centre,
    windowWidth: window.width,
    // MONOCHROME1: the lowest value is white (PS3.3 C.7.6.3.1.2).
    invert: instance.photometricInterpretation === 'MONOCHROME1',
    color: false,
    rgba: false,
    sizeInBytes: pixels.byteLength,
  };
}

/** What a frame that would not decode shows: one flat value, so the stack keeps its length and order. */
export function blankSlice(instance: CtInstance): DecodedSlice {
  return instance.samplesPerPixel === 3
    ? { kind: 'colour', rgb: new Uint8Array(instance.rows * instance.columns * 3) }
    : { kind: 'greyscale', pixels: new Int16Array(instance.rows * instance.columns), minStored: 0, maxStored: 0 };
}

function rgbToRgba(rgb: Uint8Array): Uint8Array {
  const pixelCount = rgb.length / 3;
  const out = new Uint8Array(pixelCount * 4);
  for (let i = 0, j = 0, k = 0; i < pixelCount; i++, j += 3, k += 4) {
    out[k] = rgb[j] as number;
    out[k + 1] = rgb[j + 1] as number;
    out[k + 2] = rgb[j + 2] as number;
    out[k + 3] = 255;
  }
  return out;
}

/** Without a window in the file, show every value: centre and width of the modality-scaled range. */
function fullRangeWindow(min: number, max: number, slope: number, intercept: number) {
  const low = Math.min(min * slope, max * slope) + intercept;
  const high = Math.max(min * slope, max * slope) + intercept;
  return { centre: (low + high) / 2, width: Math.max(1, high - low) };
}
