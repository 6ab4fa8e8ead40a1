// What the viewer draws of a measurement and what it hands back when one is drawn or edited. The app owns the
// records (src/tracking) and decides what is saved; the viewer sees only shapes on slices, in image pixel coordinates.
import type { CtInstance, PixelSpacingMm } from '../dicom/ctInstance';
import type { MeasurementTool, Segment } from '../tracking/types';

/** The image a shape lies on: one frame of one SOP instance (1 for single-frame files). */
export interface MeasurementImage {
  readonly sopInstanceUid: string;
  readonly frameNumber: number;
}

/** The lines of a measurement, in image pixels: a long axis and, when bidirectional, a short axis perpendicular to it. */
export interface MeasurementAxes {
  readonly longAxis: Segment;
  readonly shortAxis?: Segment;
}

/** One measurement as the app asks the viewer to show it. */
export interface MeasurementShape extends MeasurementAxes {
  readonly id: string;
  /** The lesion's label, shown before the lengths: "T1" gives "T1 32.0 mm". */
  readonly label: string;
  readonly image: MeasurementImage;
  readonly tool: MeasurementTool;
  /** The spacing the lengths are computed with (the record's, which is the image's PixelSpacing). */
  readonly pixelSpacingMm: PixelSpacingMm;
  readonly selected: boolean;
  /** Its handles can be grabbed and moved; false for, e.g., a signed-off time point. */
  readonly editable: boolean;
}

/** A measurement just drawn, for the app to save (or not): the shape is not shown until the app passes it back. */
export interface MeasurementDraft extends MeasurementAxes {
  readonly slice: CtInstance;
  readonly tool: MeasurementTool;
}

export const isOnSlice = (shape: Pick<MeasurementShape, 'image'>, slice: Pick<CtInstance, 'sopInstanceUid' | 'frameNumber'>): boolean =>
  shape.image.sopInstanceUid === slice.sopInstanceUid && shape.image.frameNumber === slice.frameNumber;

/**
 * The spacing a new measurement on this slice is made with, or undefined when the slice cannot be measured in
 * millimetres: only PixelSpacing (0028,0030) is calibrated in the patient. ImagerPixelSpacing is at the detector
 * (magnified), and without either lengths would be pixels, which never pass for millimetres (STYLE.md, principle 2).
 */
export function measuringSpacing(slice: Pick<CtInstance, 'calibration' | 'pixelSpacingMm'>): PixelSpacingMm | undefined {
  return slice.calibration.kind === 'pixel-spacing' ? slice.pixelSpacingMm : undefined;
}
