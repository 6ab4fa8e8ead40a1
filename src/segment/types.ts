// What one-click segmentation reads and returns. Points are image pixel positions with pixel centres on whole
// numbers (row down, col across), as the viewer's image coordinates; lengths are millimetres on the patient.

/** One axial slice: stored values and the modality LUT that turns them into Hounsfield units. */
export interface SliceHu {
  readonly values: Int16Array | Uint16Array | Float32Array | Int32Array | Uint8Array | Int8Array;
  readonly rows: number;
  readonly cols: number;
  /** Millimetres between pixel centres down a column (row spacing) and across a row (column spacing). */
  readonly rowSpacingMm: number;
  readonly colSpacingMm: number;
  /** HU = value * slope + intercept; 1 and 0 when `values` are already HU. */
  readonly slope?: number;
  readonly intercept?: number;
}

export interface PixelPoint {
  readonly row: number;
  readonly col: number;
}

export type AxisEnds = readonly [PixelPoint, PixelPoint];

/** A lesion separated from its surroundings: its outline and its RECIST diameters. */
export interface LesionOutline {
  /** The closed outline (last point joins the first), sub-pixel, clockwise or not. */
  readonly contour: readonly PixelPoint[];
  /** The longest diameter of the outline. */
  readonly longAxisMm: number;
  readonly longAxis: AxisEnds;
  /** The longest diameter perpendicular (in millimetres, on the patient) to the long axis. */
  readonly shortAxisMm: number;
  readonly shortAxis: AxisEnds;
  readonly areaMm2: number;
  /** The lesion's median HU and the HU band its region was grown in: what a follow-up search uses as priors. */
  readonly lesionHu: number;
  readonly band: { readonly lowerHu: number; readonly upperHu: number };
}

/** Why no lesion could be separated at a click. */
export type SegmentFailureCode =
  /** The click is not on the image, or the slice has no usable pixel spacing. */
  | 'OUTSIDE_IMAGE'
  | 'NO_SPACING'
  /** Nothing around the click differs from it: no edge within the search radius. */
  | 'NO_EDGE'
  /** The region runs on into tissue of the same density (an organ, a vessel) and cannot be cut off from it. */
  | 'LEAKS'
  /** What was found is smaller than a lesion one could measure (a few pixels of noise). */
  | 'TOO_SMALL';

export interface SegmentFailure {
  readonly code: SegmentFailureCode;
  /** Figures behind the refusal, in words a reader can act on. */
  readonly detail: string;
}
