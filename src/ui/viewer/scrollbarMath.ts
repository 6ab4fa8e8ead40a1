// The slice scrollbar's geometry, pure: where the thumb is for a slice, and which slice a pointer position means.

/** The thumb is never smaller than this, so a 1000-slice series still has something to grab. */
export const MIN_THUMB_PX = 24;

export const thumbPx = (trackPx: number, count: number): number =>
  Math.min(trackPx, Math.max(MIN_THUMB_PX, trackPx / Math.max(1, count)));

/** The slice whose thumb would be centred on `y` (pixels from the top of the track); slice 1 at the top. */
export function sliceAtPointer(y: number, trackPx: number, count: number): number {
  if (count <= 1) return 0;
  const thumb = thumbPx(trackPx, count);
  const travel = trackPx - thumb;
  if (travel <= 0) return 0;
  const fraction = (y - thumb / 2) / travel;
  return Math.min(count - 1, Math.max(0, Math.round(fraction * (count - 1))));
}

/** The thumb's top edge as a fraction of the free travel, 0 for the first slice and 1 for the last. */
export const thumbFraction = (index: number, count: number): number => (count <= 1 ? 0 : index / (count - 1));
