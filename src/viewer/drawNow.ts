// Draws an enabled element's image at once, as cornerstone-core's own draw would in the next animation frame (its
// drawImageSync, which it does not export; see drawOnDemand.ts). A slice asked for by a key press is then on the
// canvas when the handler returns: waiting for the frame, a key that lands after this frame's callbacks waits a whole
// frame more.
import cornerstone from 'cornerstone-core';

export function drawNow(element: HTMLElement): void {
  const enabledElement = cornerstone.getEnabledElement(element);
  const { image, canvas, viewport } = enabledElement;
  // Layers and colour maps are not used here; leave anything unusual to cornerstone's draw rather than draw it wrong.
  if (!image || !canvas || !viewport || (enabledElement.layers?.length ?? 0) > 0 || viewport.colormap) return;
  const start = performance.now();
  // Cornerstone's renderers write their timings into image.stats, which its own draw resets first.
  image.stats = {
    lastGetPixelDataTime: -1,
    lastStoredPixelDataToCanvasImageDataTime: -1,
    lastPutImageDataTime: -1,
    lastRenderTime: -1,
    lastLutGenerateTime: -1,
  };
  // Our loader sets no image.render of its own, so cornerstone's choice is colour or greyscale.
  const render = image.color ? cornerstone.renderColorImage : cornerstone.renderGrayscaleImage;
  render(enabledElement, enabledElement.invalid);
  enabledElement.invalid = false;
  enabledElement.needsRedraw = false;
  // The event cornerstone's own draw sends (its triggerEvent: a cancelable CustomEvent), same details.
  const detail = { viewport, element, image, enabledElement, canvasContext: canvas.getContext('2d'), renderTimeInMs: performance.now() - start };
  element.dispatchEvent(new CustomEvent(cornerstone.EVENTS.IMAGE_RENDERED, { detail, cancelable: true }));
}
