// Window/level by dragging, in HU. Sensitivity follows the window at the start of the drag, so the same hand movement
// makes a proportionate change in a brain window (80 HU) and in a lung window (1500 HU).
import type { CanvasPoint } from './viewState';

export interface VoiWindow {
  readonly width: number;
  readonly centre: number;
}

/** Dragging this far to the right doubles the width; as far to the left halves it (exponential, so it never hits 0). */
export const PX_PER_WIDTH_DOUBLING = 200;
/** Dragging down by this many pixels raises the centre by one start width (the image darkens, as in cornerstone/OHIF). */
export const PX_PER_WIDTH_OF_CENTRE = 400;
export const MIN_WINDOW_WIDTH = 1;

/** The window after dragging by `delta` canvas pixels from the start of the drag: right = wider, down = higher centre. */
export function windowForDrag(start: VoiWindow, delta: CanvasPoint): VoiWindow {
  const width = Math.max(MIN_WINDOW_WIDTH, start.width * 2 ** (delta.x / PX_PER_WIDTH_DOUBLING));
  const centre = start.centre + (delta.y * Math.max(MIN_WINDOW_WIDTH, start.width)) / PX_PER_WIDTH_OF_CENTRE;
  return { width, centre };
}
