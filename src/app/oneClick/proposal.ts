// Between the segmentation's points and the viewer's: the segmentation puts pixel centres on whole numbers (row,
// column), the viewer's image coordinates (cornerstone's) put a pixel's corner there, its centre half a pixel on.
// Also where a point of one slice lies on a slice of another study of the same patient (Suggest).
import type { CtInstance } from '../../dicom/ctInstance';
import { dot } from '../../dicom/vec3';
import type { LesionOutline, PixelPoint } from '../../segment/types';
import type { ImagePointPx, Segment } from '../../tracking/types';
import type { ProposedMeasurement } from '../../viewer/proposedMeasurement';

export const toImagePoint = (p: PixelPoint): ImagePointPx => ({ x: p.col + 0.5, y: p.row + 0.5 });
export const toPixelPoint = (p: ImagePointPx): PixelPoint => ({ row: p.y - 0.5, col: p.x - 0.5 });

const segment = ([start, end]: LesionOutline['longAxis']): Segment => ({ start: toImagePoint(start), end: toImagePoint(end) });

type SliceWhere = Pick<CtInstance, 'sopInstanceUid' | 'frameNumber' | 'pixelSpacingMm' | 'imagePositionPatientMm' | 'imageOrientationPatient'>;

/** The outline as the viewer draws it, with its long and short axis as a bidirectional measurement's lines. */
export function proposalFromOutline(outline: LesionOutline, slice: SliceWhere & { readonly pixelSpacingMm: NonNullable<CtInstance['pixelSpacingMm']> }, label: string): ProposedMeasurement {
  return {
    image: { sopInstanceUid: slice.sopInstanceUid, frameNumber: slice.frameNumber },
    contour: outline.contour.map(toImagePoint),
    longAxis: segment(outline.longAxis),
    shortAxis: segment(outline.shortAxis),
    pixelSpacingMm: { row: slice.pixelSpacingMm.row, column: slice.pixelSpacingMm.column },
    label,
  };
}

/**
 * The point of `to` at the patient position of `p` on `from` (projected onto `to`'s plane), in image pixels; the same
 * pixel position when either slice lacks position, orientation or spacing (then nothing better is known).
 */
export function samePlacePoint(from: SliceWhere, p: ImagePointPx, to: SliceWhere): ImagePointPx {
  const a = from.imagePositionPatientMm;
  const ao = from.imageOrientationPatient;
  const as = from.pixelSpacingMm;
  const b = to.imagePositionPatientMm;
  const bo = to.imageOrientationPatient;
  const bs = to.pixelSpacingMm;
  if (!a || !ao || !as || !b || !bo || !bs) return p;
  // Pixel centres: the DICOM position is the centre of the first pixel (PS3.3 C.7.6.2.1.1).
  const { row, col } = toPixelPoint(p);
  const patient = [0, 1, 2].map((k) => (a[k] as number) + col * as.column * (ao.row[k] as number) + row * as.row * (ao.column[k] as number));
  const d = [0, 1, 2].map((k) => (patient[k] as number) - (b[k] as number)) as [number, number, number];
  return toImagePoint({ col: dot(d, bo.row) / bs.column, row: dot(d, bo.column) / bs.row });
}
