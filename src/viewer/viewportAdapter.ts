// Our small interface over one cornerstone-core enabled element: show an image, get and set the view, convert
// canvas <-> image coordinates. Nothing outside src/viewer calls cornerstone, so the renderer can change here alone.
import cornerstone from 'cornerstone-core';
import type { CanvasCoordinate, PixelCoordinate } from 'cornerstone-core';
import { enableDrawingOnDemand } from './drawOnDemand';
import { isFitted, pixelAspect, type ViewGeometry } from './viewGeometry';
import type { CanvasPoint, ImagePoint, ViewState } from './viewState';

export interface RenderedImage {
  readonly imageId: string;
  readonly view: ViewState;
}

export interface ViewportAdapter {
  /**
   * Loads and displays an image. Resolves false when a later `show` overtook this one (fast scrolling) or the
   * viewport was destroyed meanwhile. `resetView` fits the image and takes the window from the image; otherwise the
   * current window and zoom carry over, as a radiologist expects while scrolling one series.
   */
  show(imageId: string, options: { readonly resetView: boolean }): Promise<boolean>;
  getView(): ViewState | undefined;
  /** How the displayed image opens: its file's window, fitted and centred, inverted if MONOCHROME1. */
  getInitialView(): ViewState | undefined;
  /** Canvas and image sizes for the pure view maths (viewGeometry.ts). */
  getGeometry(): ViewGeometry | undefined;
  /** Applies the view; drawn in the next animation frame, so many calls per frame cost one draw. */
  setView(view: Partial<ViewState>): void;
  canvasToImage(point: CanvasPoint): ImagePoint | undefined;
  imageToCanvas(point: ImagePoint): CanvasPoint | undefined;
  /** Disables the element and stops observing it. */
  destroy(): void;
}

type CornerstoneViewport = NonNullable<ReturnType<typeof cornerstone.getViewport>>;

const toViewState = (viewport: CornerstoneViewport): ViewState => ({
  windowCentre: viewport.voi.windowCenter,
  windowWidth: viewport.voi.windowWidth,
  scale: viewport.scale,
  pan: { x: viewport.translation.x, y: viewport.translation.y },
  invert: viewport.invert,
});

export function createViewportAdapter(element: HTMLElement, onRendered: (rendered: RenderedImage) => void): ViewportAdapter {
  const drawing = enableDrawingOnDemand(() => cornerstone.enable(element));
  let destroyed = false;
  let latestRequest = 0;
  let hasImage = false;
  // While the view is fitted and centred, a resize refits the image; after a zoom or pan it keeps them.
  let fitted = true;

  const resizeObserver = new ResizeObserver(() => {
    if (destroyed) return;
    cornerstone.resize(element, fitted);
    drawing.request();
  });
  resizeObserver.observe(element);

  const handleRendered = (event: Event) => {
    const { viewport, image } = (event as CustomEvent<{ viewport: CornerstoneViewport; image: { imageId: string } }>).detail;
    onRendered({ imageId: image.imageId, view: toViewState(viewport) });
  };
  element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, handleRendered);

  const displayed = () => {
    if (!hasImage || destroyed) return undefined;
    const { image, canvas } = cornerstone.getEnabledElement(element);
    return image && canvas ? { image, canvas } : undefined;
  };

  const getGeometry = (): ViewGeometry | undefined => {
    const shown = displayed();
    if (!shown) return undefined;
    const { image, canvas } = shown;
    return {
      canvasWidth: canvas.width,
      canvasHeight: canvas.height,
      // width/height, not columns/rows: those are what cornerstone lays out. A missing spacing counts as 1 there too.
      columns: image.width,
      rows: image.height,
      pixelAspect: pixelAspect(image.rowPixelSpacing || 1, image.columnPixelSpacing || 1),
    };
  };

  return {
    async show(imageId, { resetView }) {
      const request = ++latestRequest;
      const image = await cornerstone.loadAndCacheImage(imageId);
      if (destroyed || request !== latestRequest) return false;
      if (resetView || !hasImage) {
        cornerstone.displayImage(element, image, cornerstone.getDefaultViewportForImage(element, image));
        fitted = true;
      } else {
        cornerstone.displayImage(element, image);
      }
      drawing.now();
      hasImage = true;
      return true;
    },
    getView() {
      const viewport = hasImage ? cornerstone.getViewport(element) : undefined;
      return viewport ? toViewState(viewport) : undefined;
    },
    getInitialView() {
      const shown = displayed();
      return shown ? toViewState(cornerstone.getDefaultViewportForImage(element, shown.image)) : undefined;
    },
    getGeometry,
    setView(view) {
      const viewport = hasImage ? cornerstone.getViewport(element) : undefined;
      if (!viewport) return;
      if (view.windowCentre !== undefined) viewport.voi.windowCenter = view.windowCentre;
      if (view.windowWidth !== undefined) viewport.voi.windowWidth = Math.max(1, view.windowWidth);
      if (view.invert !== undefined) viewport.invert = view.invert;
      if (view.scale !== undefined) viewport.scale = view.scale;
      if (view.pan !== undefined) viewport.translation = { x: view.pan.x, y: view.pan.y };
      if (view.scale !== undefined || view.pan !== undefined) {
        const geometry = getGeometry();
        fitted = geometry !== undefined && isFitted(toViewState(viewport), geometry);
      }
      cornerstone.setViewport(element, viewport);
      drawing.request();
    },
    canvasToImage(point) {
      return hasImage ? cornerstone.canvasToPixel(element, point as CanvasCoordinate) : undefined;
    },
    imageToCanvas(point) {
      return hasImage ? cornerstone.pixelToCanvas(element, point as PixelCoordinate) : undefined;
    },
    destroy() {
      destroyed = true;
      // Every method asks `hasImage` first: a caller still holding this adapter (a show that resolved while the
      // viewport went away) gets `undefined`, not cornerstone's "element not enabled".
      hasImage = false;
      resizeObserver.disconnect();
      element.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, handleRendered);
      drawing.stop();
      cornerstone.disable(element);
    },
  };
}
