// What is odd about a series, said rather than loaded without a word (issue 18): slices in more than one orientation
// (split, as other viewers do), slices at the same position, uneven gaps between slices, and files holding more
// pixel data than their header describes. Worded in dicomMessages.ts; shown in the import report, on the series in
// the study list, and over the image where the reader measures.
import type { CtInstance, ImageOrientation } from './ctInstance';
import { sliceLocationMm, sliceNormal } from './geometry';
import { dot } from './vec3';

/** The plane of a stack, by the patient axis its normal is closest to (within about 35 degrees), else oblique. */
export type Plane = 'axial' | 'coronal' | 'sagittal' | 'oblique';

export type SeriesNote =
  /** One SeriesInstanceUID held `stacks` stacks of different orientations, each now a series (this one `plane`). */
  | { readonly kind: 'SPLIT_BY_ORIENTATION'; readonly plane: Plane; readonly stacks: number }
  /** `slices` slices lie at the same position as another one (sorted next to each other, seen as one slice twice). */
  | { readonly kind: 'DUPLICATE_POSITIONS'; readonly slices: number }
  /** The gaps between neighbouring slices are not all the same: from `minMm` to `maxMm`. */
  | { readonly kind: 'UNEVEN_SPACING'; readonly minMm: number; readonly maxMm: number }
  /** These files hold more pixel data than Rows x Columns x NumberOfFrames; what is beyond is not shown. */
  | { readonly kind: 'EXTRA_PIXEL_DATA'; readonly files: readonly string[] };

/** Two stacks are one orientation when their normals are parallel within about 2.5 degrees. */
const SAME_ORIENTATION = 0.999;
/** Positions closer than this along the normal are the same position (scanners write them to 0.001 mm or so). */
const SAME_POSITION_MM = 0.01;
/** Gaps between slices that differ by more than this are uneven (rounding of positions stays well below it). */
const UNEVEN_GAP_MM = 0.1;

export function planeOf(orientation: ImageOrientation): Plane {
  const [x, y, z] = sliceNormal(orientation).map(Math.abs) as [number, number, number];
  const largest = Math.max(x, y, z);
  if (largest < 0.82) return 'oblique';
  return largest === z ? 'axial' : largest === y ? 'coronal' : 'sagittal';
}

/**
 * The slices of one series in stacks of one orientation each, largest first. Slices without an orientation stay
 * with the first stack (they are ordered by instance number there).
 */
export function stacksByOrientation<T extends Pick<CtInstance, 'imageOrientationPatient'>>(slices: readonly T[]): T[][] {
  const stacks: { normal: ReturnType<typeof sliceNormal> | undefined; slices: T[] }[] = [];
  const unoriented: T[] = [];
  for (const slice of slices) {
    const orientation = slice.imageOrientationPatient;
    if (!orientation) {
      unoriented.push(slice);
      continue;
    }
    const normal = sliceNormal(orientation);
    const stack = stacks.find((s) => s.normal && Math.abs(dot(s.normal, normal)) >= SAME_ORIENTATION);
    if (stack) stack.slices.push(slice);
    else stacks.push({ normal, slices: [slice] });
  }
  const sorted = stacks.map((s) => s.slices).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return unoriented.length > 0 ? [unoriented] : [];
  (sorted[0] as T[]).push(...unoriented);
  return sorted;
}

/** Duplicated positions and uneven spacing of a stack already in spatial order (geometry.sortSlices). */
type Placed = Pick<CtInstance, 'file' | 'imagePositionPatientMm' | 'imageOrientationPatient' | 'instanceNumber' | 'frameNumber'>;

export function spacingNotes(ordered: readonly Placed[]): SeriesNote[] {
  const locations = ordered.map(sliceLocationMm);
  if (locations.length < 2 || locations.some((l) => l === undefined)) return [];
  const gaps = (locations as number[]).slice(1).map((l, i) => Math.abs((locations[i] as number) - l));
  const notes: SeriesNote[] = [];
  const duplicates = new Set<number>();
  gaps.forEach((gap, i) => {
    if (gap < SAME_POSITION_MM) duplicates.add(i).add(i + 1);
  });
  if (duplicates.size > 0) notes.push({ kind: 'DUPLICATE_POSITIONS', slices: duplicates.size });
  const real = gaps.filter((gap) => gap >= SAME_POSITION_MM);
  if (real.length >= 2) {
    const minMm = Math.min(...real);
    const maxMm = Math.max(...real);
    if (maxMm - minMm > UNEVEN_GAP_MM) notes.push({ kind: 'UNEVEN_SPACING', minMm: round(minMm), maxMm: round(maxMm) });
  }
  return notes;
}

const round = (mm: number): number => Math.round(mm * 100) / 100;

/** Notes that make lengths across slices, or which slice a finding is on, uncertain: said where the reader measures. */
export const measuringNotes = (notes: readonly SeriesNote[]): SeriesNote[] =>
  notes.filter((n) => n.kind === 'UNEVEN_SPACING' || n.kind === 'DUPLICATE_POSITIONS');
