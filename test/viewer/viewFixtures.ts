// Small builders for view-maths tests: a fitted 256 x 256 CT on a 600 x 400 canvas unless told otherwise.
import type { ViewGeometry } from '../../src/viewer/viewGeometry';
import type { ViewState } from '../../src/viewer/viewState';

export const geometry = (overrides: Partial<ViewGeometry> = {}): ViewGeometry => ({
  canvasWidth: 600,
  canvasHeight: 400,
  columns: 256,
  rows: 256,
  pixelAspect: { x: 1, y: 1 },
  ...overrides,
});

export const view = (overrides: Partial<ViewState> = {}): ViewState => ({
  windowCentre: 40,
  windowWidth: 400,
  scale: 400 / 256,
  pan: { x: 0, y: 0 },
  invert: false,
  ...overrides,
});
