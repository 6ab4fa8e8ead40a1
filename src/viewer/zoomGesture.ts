// Zoom by right-drag or Ctrl+wheel, always about the pointer: the anatomy under the cursor stays under it.
import { zoomAround, type ViewGeometry } from './viewGeometry';
import type { CanvasPoint, ViewState } from './viewState';

/** Dragging up by this many pixels doubles the zoom; down halves it. */
export const PX_PER_ZOOM_DOUBLING = 150;
/** Wheel pixels per doubling: a 100 px mouse notch zooms by about 1.26, a trackpad pinch smoothly. */
export const WHEEL_PX_PER_ZOOM_DOUBLING = 300;
// WheelEvent.deltaMode: pixels, lines, pages, converted to rough pixels as stackNavigation does.
const PIXELS_PER_UNIT = [1, 40, 800] as const;
/** One event never zooms more than this (a page-mode delta would otherwise jump to the limit). */
const MAX_WHEEL_PX = 300;

/** Right-drag: the zoom after moving `delta` from `origin`, about `origin` (where the drag started). */
export function zoomForDrag(start: ViewState, g: ViewGeometry, origin: CanvasPoint, delta: CanvasPoint): ViewState {
  return zoomAround(start, g, origin, start.scale * 2 ** (-delta.y / PX_PER_ZOOM_DOUBLING));
}

/** Ctrl+wheel at `point`: wheel up (negative delta) zooms in. */
export function zoomForWheel(view: ViewState, g: ViewGeometry, point: CanvasPoint, deltaY: number, deltaMode: number): ViewState {
  const px = deltaY * (PIXELS_PER_UNIT[deltaMode as 0 | 1 | 2] ?? 1);
  const bounded = Math.max(-MAX_WHEEL_PX, Math.min(MAX_WHEEL_PX, px));
  return zoomAround(view, g, point, view.scale * 2 ** (-bounded / WHEEL_PX_PER_ZOOM_DOUBLING));
}
