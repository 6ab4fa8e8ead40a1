// The shortest line that is a measurement. A slip of the mouse (a handle dragged onto its other end, a drag of a
// pixel) makes lines of 0 to 1 mm; stored, a target's 0.0 mm long axis reads as "disappeared" and can turn a lesion
// into a complete or partial response. So a long or short axis under the floor is never a value: the tools discard
// or ask, and the store refuses it. A lesion that has gone is recorded with its state ('absent'), not a 0 mm line.
import type { PixelSpacingMm } from '../dicom/ctInstance';
import { distanceMm } from '../dicom/imageLength';
import type { MeasurementRow, Segment } from './types';

/** Under 1 mm no line on a CT is a diameter: RECIST 1.1 counts a lesion too small to measure as 5 mm, never less. */
export const FLOOR_MM = 1;
/** Under 2 image pixels the two ends are next to each other: where each falls within its pixel is noise. */
export const FLOOR_PX = 2;

export type MeasuredAxis = 'longAxis' | 'shortAxis';

/**
 * Below the floor: under FLOOR_MM, or (for a line drawn on an image) under FLOOR_PX image pixels, whichever is the
 * longer on that line. A value typed from a report has no pixels: only the millimetres count.
 */
export function isBelowFloor(segment: Segment, spacing: PixelSpacingMm, onImage: boolean): boolean {
  const px = Math.hypot(segment.end.x - segment.start.x, segment.end.y - segment.start.y);
  return distanceMm(segment.start, segment.end, spacing) < FLOOR_MM || (onImage && px < FLOOR_PX);
}

export interface AxesToCheck {
  readonly longAxis: Segment;
  readonly shortAxis?: Segment | undefined;
}

/** The first axis of the measurement that is below the floor (the long axis first), or undefined when none is. */
export function axisBelowFloor(axes: AxesToCheck, spacing: PixelSpacingMm, onImage: boolean): MeasuredAxis | undefined {
  if (isBelowFloor(axes.longAxis, spacing, onImage)) return 'longAxis';
  if (axes.shortAxis !== undefined && isBelowFloor(axes.shortAxis, spacing, onImage)) return 'shortAxis';
  return undefined;
}

/** The same check on a stored row; `onImage` is false for values typed from a report or merged from a CSV. */
export const rowAxisBelowFloor = (row: Pick<MeasurementRow, 'longAxis' | 'shortAxis' | 'pixelSpacingMm'>, onImage: boolean): MeasuredAxis | undefined =>
  axisBelowFloor(row, row.pixelSpacingMm, onImage);
