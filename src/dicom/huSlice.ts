// A decoded greyscale slice with what turns its stored values into HU in millimetres: the shape the one-click
// segmentation reads (segment/types SliceHu), made in one place for the viewer's worker client and `recist measure`.
import type { CtInstance, PixelSpacingMm } from './ctInstance';
import type { StoredPixels } from './pixelTypes';

export interface HuSlice {
  readonly values: StoredPixels;
  readonly rows: number;
  readonly cols: number;
  readonly rowSpacingMm: number;
  readonly colSpacingMm: number;
  readonly slope: number;
  readonly intercept: number;
}

/** `spacing`: the slice's PixelSpacing, which the callers make sure it has before decoding it. */
export const huSlice = (slice: Pick<CtInstance, 'rows' | 'columns' | 'rescale'>, spacing: PixelSpacingMm, values: StoredPixels): HuSlice => ({
  values,
  rows: slice.rows,
  cols: slice.columns,
  rowSpacingMm: spacing.row,
  colSpacingMm: spacing.column,
  slope: slice.rescale.slope,
  intercept: slice.rescale.intercept,
});
