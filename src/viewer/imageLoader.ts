// Serves our decoded instances to cornerstone-core under the `recist:` scheme. Instances live here only while a
// stack is registered; releasing the stack drops them and cornerstone's cached copies.
import cornerstone from 'cornerstone-core';
import type { Image, ImageLoadObject } from 'cornerstone-core';
import type { CtInstance } from '../dicom/ctInstance';
import { toCornerstoneImage } from './cornerstoneImage';

const SCHEME = 'recist';
const instances = new Map<string, CtInstance>();
let nextStackId = 1;
let registered = false;

function loadRecistImage(imageId: string): ImageLoadObject {
  const instance = instances.get(imageId);
  if (!instance) return { promise: Promise.reject(new Error(`recist image loader: ${imageId} is not registered`)) };
  // The cast is the @types boundary: our GreyscaleImage is the accurate subset of its Image (see cornerstoneImage.ts).
  const image = toCornerstoneImage(imageId, instance) as unknown as Image;
  return { promise: Promise.resolve(image) };
}

export interface ImageStack {
  readonly imageIds: readonly string[];
  release(): void;
}

/** Makes `slices` loadable by cornerstone; image ids are unique per call, so a re-opened series never hits a stale cache. */
export function registerStack(slices: readonly CtInstance[]): ImageStack {
  if (!registered) {
    cornerstone.registerImageLoader(SCHEME, loadRecistImage);
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
