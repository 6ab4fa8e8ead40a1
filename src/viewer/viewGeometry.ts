// Where the image lies on the canvas for a given view: the same arithmetic as cornerstone-core 2.6.1's
// calculateTransform and getImageFitScale (no rotation, no flips, whole image displayed), kept here so zooming
// around the pointer and panning are pure functions with tests, not calls into the renderer.
import type { CanvasPoint, ImagePoint, ViewState } from './viewState';

export interface ViewGeometry {
  /** Canvas size in CSS pixels (cornerstone sizes its canvas to the element, without devicePixelRatio). */
  readonly canvasWidth: number;
  readonly canvasHeight: number;
  readonly columns: number;
  readonly rows: number;
  /**
   * Non-square pixels are stretched so millimetres look square: screen pixels per image pixel are
   * `scale * pixelAspect.x` across and `scale * pixelAspect.y` down. One of the two is always 1.
   */
  readonly pixelAspect: { readonly x: number; readonly y: number };
}

/** Zoom limits: a whole 512 matrix in a thumbnail, down to a few pixels filling the screen. */
export const MIN_SCALE = 0.05;
export const MAX_SCALE = 40;

export const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** PixelSpacing is (row spacing, column spacing); the larger one stretches its direction, as cornerstone does. */
export function pixelAspect(rowSpacing: number, columnSpacing: number): { x: number; y: number } {
  if (rowSpacing < columnSpacing) return { x: columnSpacing / rowSpacing, y: 1 };
  if (columnSpacing < rowSpacing) return { x: 1, y: rowSpacing / columnSpacing };
  return { x: 1, y: 1 };
}

/** The scale at which the whole image just fits the canvas. */
export function fitScale(g: ViewGeometry): number {
  return Math.min(g.canvasWidth / (g.columns * g.pixelAspect.x), g.canvasHeight / (g.rows * g.pixelAspect.y));
}

// canvas = canvasCentre + scale * aspect * (image - imageCentre + pan), per axis.
export function imageToCanvas(view: ViewState, g: ViewGeometry, p: ImagePoint): CanvasPoint {
  return {
    x: g.canvasWidth / 2 + view.scale * g.pixelAspect.x * (p.x - g.columns / 2 + view.pan.x),
    y: g.canvasHeight / 2 + view.scale * g.pixelAspect.y * (p.y - g.rows / 2 + view.pan.y),
  };
}

export function canvasToImage(view: ViewState, g: ViewGeometry, p: CanvasPoint): ImagePoint {
  return {
    x: (p.x - g.canvasWidth / 2) / (view.scale * g.pixelAspect.x) + g.columns / 2 - view.pan.x,
    y: (p.y - g.canvasHeight / 2) / (view.scale * g.pixelAspect.y) + g.rows / 2 - view.pan.y,
  };
}

/** Zooms to `scale` (clamped) keeping the image point under `anchor` where it is on the canvas. */
export function zoomAround(view: ViewState, g: ViewGeometry, anchor: CanvasPoint, scale: number): ViewState {
  const next = clampScale(scale);
  // Solve imageUnder(anchor, next, pan') = imageUnder(anchor, view.scale, pan) for pan'.
  const change = 1 / next - 1 / view.scale;
  return {
    ...view,
    scale: next,
    pan: {
      x: view.pan.x + ((anchor.x - g.canvasWidth / 2) / g.pixelAspect.x) * change,
      y: view.pan.y + ((anchor.y - g.canvasHeight / 2) / g.pixelAspect.y) * change,
    },
  };
}

/** Moves the image by a canvas displacement, so the image follows the pointer exactly. */
export function panBy(view: ViewState, g: ViewGeometry, delta: CanvasPoint): ViewState {
  return {
    ...view,
    pan: { x: view.pan.x + delta.x / (view.scale * g.pixelAspect.x), y: view.pan.y + delta.y / (view.scale * g.pixelAspect.y) },
  };
}

/** Fitted and centred, so a resize of the viewport should refit rather than keep the zoom. */
export function isFitted(view: ViewState, g: ViewGeometry): boolean {
  return Math.abs(view.scale - fitScale(g)) < 1e-9 && view.pan.x === 0 && view.pan.y === 0;
}

/** Pans so the image point `p` is at the centre of the canvas; zoom and window unchanged. */
export function centredOn(view: ViewState, g: ViewGeometry, p: ImagePoint): ViewState {
  // From imageToCanvas: the centre shows p when p - size / 2 + pan = 0.
  return { ...view, pan: { x: g.columns / 2 - p.x, y: g.rows / 2 - p.y } };
}
