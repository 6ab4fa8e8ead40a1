// A measurement offered to the reader (one-click, or Suggest at a follow-up), not yet in the record: the outline the
// lesion was separated by and a bidirectional measurement whose handles move as a drawn one's do. The app accepts it
// (then it is a drawn measurement like any other) or discards it; the viewer only draws it and reports handle drags.
import type { PixelSpacingMm } from '../dicom/ctInstance';
import type { ImagePointPx, Segment } from '../tracking/types';
import type { MeasurementImage, MeasurementShape } from './measurementShape';

export interface ProposedMeasurement {
  readonly image: MeasurementImage;
  /** The lesion's outline, closed (the last point joins the first), in image pixels. */
  readonly contour: readonly ImagePointPx[];
  readonly longAxis: Segment;
  readonly shortAxis: Segment;
  readonly pixelSpacingMm: PixelSpacingMm;
  /** Shown before the lengths: "Proposed T1". */
  readonly label: string;
}

/** The id the proposal's handles answer to in the pointer tools; never a record's (those are UUIDs). */
export const PROPOSAL_ID = 'proposed-measurement';

/** The proposal as a shape the pointer tools can hit and whose handles they can drag. */
export const proposalShape = (p: ProposedMeasurement): MeasurementShape => ({
  id: PROPOSAL_ID,
  label: p.label,
  image: p.image,
  tool: 'bidirectional',
  longAxis: p.longAxis,
  shortAxis: p.shortAxis,
  pixelSpacingMm: p.pixelSpacingMm,
  selected: true,
  editable: true,
});
