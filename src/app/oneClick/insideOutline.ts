// Whether a point lies inside a lesion's outline: used by Suggest in the worker and by the main thread (a click
// inside a proposal outlines again, one elsewhere accepts it), which must not load the segmentation itself.
import type { PixelPoint } from '../../segment/types';

/** Even-odd rule against the outline (closed, sub-pixel). */
export function insideOutline(p: PixelPoint, contour: readonly PixelPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = contour.length - 1; i < contour.length; j = i++) {
    const a = contour[i] as PixelPoint;
    const b = contour[j] as PixelPoint;
    if ((a.row > p.row) !== (b.row > p.row) && p.col < ((b.col - a.col) * (p.row - a.row)) / (b.row - a.row) + a.col) inside = !inside;
  }
  return inside;
}
