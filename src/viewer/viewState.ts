/** What the user sees of an image, in our words: VOI window in modality units (HU for CT), zoom, pan, invert. */
export interface ViewState {
  readonly windowCentre: number;
  readonly windowWidth: number;
  /** Screen pixels per image pixel (before the stretch of non-square pixels, see ViewGeometry.pixelAspect). */
  readonly scale: number;
  /**
   * Pan: how far the image centre sits from the canvas centre, in image pixels (cornerstone's `translation`), so a
   * pan survives zooming and resizing without conversion.
   */
  readonly pan: ImageVector;
  readonly invert: boolean;
}

/** A point on the viewport canvas, in CSS pixels from its top-left corner. */
export interface CanvasPoint {
  readonly x: number;
  readonly y: number;
}

/** A point in the image, in pixel units: x along a row (column index), y down the columns (row index). */
export interface ImagePoint {
  readonly x: number;
  readonly y: number;
}

/** A displacement in image pixels. */
export interface ImageVector {
  readonly x: number;
  readonly y: number;
}

export const sameView = (a: ViewState | undefined, b: ViewState | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.windowCentre === b.windowCentre
    && a.windowWidth === b.windowWidth && a.scale === b.scale && a.invert === b.invert
    && a.pan.x === b.pan.x && a.pan.y === b.pan.y);
