/** What the user sees of an image, in our words: VOI window in modality units (HU for CT) and zoom. */
export interface ViewState {
  readonly windowCentre: number;
  readonly windowWidth: number;
  /** Screen pixels per image pixel. */
  readonly scale: number;
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

export const sameView = (a: ViewState | undefined, b: ViewState | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.windowCentre === b.windowCentre
    && a.windowWidth === b.windowWidth && a.scale === b.scale && a.invert === b.invert);
