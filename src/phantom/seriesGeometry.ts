// Where the slices and pixels of a series are. The table centre is x = y = 0; with the identity orientation
// (ImageOrientationPatient 1\0\0\0\1\0) columns run to the patient's left and rows to the back, so the
// patient's right is on the image left, as radiologists read CT. Slices go from head (instance 1) to feet.
import type { PixelGrid } from './huCanvas';

export interface SeriesGeometry extends PixelGrid {
  readonly sliceThicknessMm: number;
  readonly spacingBetweenSlicesMm: number;
  /** z (mm) of each slice centre, instance 1 first. */
  readonly sliceZ: readonly number[];
}

/** The imaged range starts at the lung bases. */
export const TOP_SLICE_Z_MM = 100;
/** Reconstruction field of view: 384 mm, a 330 mm wide patient with room round the sides. */
export const FIELD_OF_VIEW_MM = 384;
/** The large benchmark series spreads its slices over about the same range as the sample, at most 5 mm apart. */
const LARGE_RANGE_MM = 200;
const MAX_SPACING_MICRONS = 5000;

function grid(size: number): PixelGrid {
  const pixelSpacingMm = FIELD_OF_VIEW_MM / size;
  const first = -((size - 1) / 2) * pixelSpacingMm;
  return { columns: size, rows: size, pixelSpacingMm, x0Mm: first, y0Mm: first };
}

/** z of `count` slices `spacingMicrons` apart from the top; integer microns keep the decimals exact. */
function sliceLevels(count: number, spacingMicrons: number): number[] {
  const topMicrons = TOP_SLICE_Z_MM * 1000;
  return Array.from({ length: count }, (_, k) => (topMicrons - k * spacingMicrons) / 1000);
}

/** The committed sample: 256 x 256 at 1.5 mm, 40 contiguous 5 mm slices. */
export const SAMPLE_GEOMETRY: SeriesGeometry = {
  ...grid(256),
  sliceThicknessMm: 5,
  spacingBetweenSlicesMm: 5,
  sliceZ: sliceLevels(40, 5000),
};

/** The benchmark series: 512 x 512 at 0.75 mm, `slices` contiguous slices over about 200 mm (or 5 mm apart). */
export function largeGeometry(slices: number): SeriesGeometry {
  if (!Number.isInteger(slices) || slices < 1 || slices > 9999) {
    throw new Error(`The slice count must be an integer from 1 to 9999, not ${slices}`);
  }
  const spacingMicrons = Math.min(MAX_SPACING_MICRONS, Math.max(1, Math.round((LARGE_RANGE_MM * 1000) / slices)));
  return {
    ...grid(512),
    sliceThicknessMm: spacingMicrons / 1000,
    spacingBetweenSlicesMm: spacingMicrons / 1000,
    sliceZ: sliceLevels(slices, spacingMicrons),
  };
}

/** Instance number (1-based) of the slice whose centre is at z, or null if no slice centre is there. */
export function instanceAtZ(geometry: SeriesGeometry, z: number): number | null {
  const index = geometry.sliceZ.findIndex((level) => Math.abs(level - z) < 1e-6);
  return index < 0 ? null : index + 1;
}
