// Serves our slices to cornerstone-core under the `recist:` scheme. A slice's pixels come from its own SlicePixels:
// at once when decoded, else when its decode (hurried to the front of the queue) is done. Slices live here only
// while a stack is registered; releasing the stack drops them and cornerstone's cached copies.
import cornerstone from 'cornerstone-core';
import type { Image, ImageLoadObject } from 'cornerstone-core';
import type { CtInstance } from '../dicom/ctInstance';
import type { DecodedSlice } from '../dicom/slicePixels';
import { blankSlice, toCornerstoneImage } from './cornerstoneImage';

const SCHEME = 'recist';
/**
 * cornerstone's own cache only keeps image objects over pixel arrays the loading pipeline already holds (no copy);
 * kept small, so a slice the pipeline let go of is not held on here. Re-making an image object is cheap.
 */
const CORNERSTONE_CACHE_BYTES = 256 * 1024 * 1024;
const instances = new Map<string, CtInstance>();
let nextStackId = 1;
let registered = false;

// The cast is the @types boundary: our image types are the accurate subset of its Image (see cornerstoneImage.ts).
const imageOf = (imageId: string, instance: CtInstance, decoded: DecodedSlice) =>
  toCornerstoneImage(imageId, instance, decoded) as unknown as Image;

function loadRecistImage(imageId: string): ImageLoadObject {
  const instance = instances.get(imageId);
  if (!instance) return { promise: Promise.reject(new Error(`recist image loader: ${imageId} is not registered`)) };
  const ready = instance.pixels.peek();
  if (ready) return { promise: Promise.resolve(imageOf(imageId, instance, ready)) };
  // A frame that will not decode is drawn blank; the loading pipeline puts the reason in the import report.
  const promise = instance.pixels.load('display')
    .then((result) => imageOf(imageId, instance, result.ok ? result.value : blankSlice(instance)));
  return { promise };
}

export interface ImageStack {
  readonly imageIds: readonly string[];
  release(): void;
}

/** Makes `slices` loadable by cornerstone; image ids are unique per call, so a re-opened series never hits a stale cache. */
export function registerStack(slices: readonly CtInstance[]): ImageStack {
  if (!registered) {
    cornerstone.registerImageLoader(SCHEME, loadRecistImage);
    cornerstone.imageCache.setMaximumSizeBytes(CORNERSTONE_CACHE_BYTES);
    registered = true;
  }
  const stackId = nextStackId++;
  const imageIds = slices.map((slice, i) => {
    const imageId = `${SCHEME}:${stackId}/${i}`;
    instances.set(imageId, slice);
    return imageId;
  });
  return {
    imageIds,
    release() {
      for (const imageId of imageIds) {
        instances.delete(imageId);
        // removeImageLoadObject throws for ids that were never loaded.
        if (cornerstone.imageCache.getImageLoadObject(imageId) !== undefined) {
          cornerstone.imageCache.removeImageLoadObject(imageId);
        }
      }
    },
  };
}

/**
 * Calls `listener` with the slice each time any viewport has drawn one of our images on its canvas (cornerstone's
 * IMAGE_RENDERED, fired after the draw). The event does not bubble, so it is caught on the way down, at the document.
 */
export function onSliceRendered(listener: (slice: CtInstance) => void): () => void {
  const handle = (event: Event) => {
    const imageId = (event as CustomEvent<{ image?: { imageId?: string } } | null>).detail?.image?.imageId;
    const slice = imageId === undefined ? undefined : instances.get(imageId);
    if (slice) listener(slice);
  };
  document.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, handle, true);
  return () => document.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, handle, true);
}
