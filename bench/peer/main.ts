// The bench's peer viewer: cornerstone-core 2.6.1 + cornerstone-wado-image-loader 4.13 configured as its README says
// (external libraries, webWorkerManager.initialize with 2 workers, wadouri fileManager for local files). It does what
// our app does with chosen files: read every header, sort by position along the slice normal (head to feet, as our
// app), show the first image, then load and decode every image. It sets the same performance marks as our app and
// the same `data-rendered-slice` / overlay text, so one driver measures both.
import cornerstone from 'cornerstone-core';
import type { Image } from 'cornerstone-core';
import cornerstoneWADOImageLoader from 'cornerstone-wado-image-loader';
import { startPeerViewport } from '../peerViewport';

interface Plane {
  imagePositionPatient?: number[];
  rowCosines?: number[];
  columnCosines?: number[];
}

function locationMm(imageId: string): number | undefined {
  const plane = cornerstone.metaData.get('imagePlaneModule', imageId) as Plane | undefined;
  const p = plane?.imagePositionPatient;
  const r = plane?.rowCosines;
  const c = plane?.columnCosines;
  if (!p || !r || !c) return undefined;
  const n = [r[1]! * c[2]! - r[2]! * c[1]!, r[2]! * c[0]! - r[0]! * c[2]!, r[0]! * c[1]! - r[1]! * c[0]!];
  return p[0]! * n[0]! + p[1]! * n[1]! + p[2]! * n[2]!;
}

const viewport = startPeerViewport(locationMm);
const { element, stack, showOverlay } = viewport;
const input = document.getElementById('files') as HTMLInputElement;
let images: Image[] = [];

input.addEventListener('change', () => {
  performance.mark('recist:files-chosen');
  void open(Array.from(input.files ?? [])).catch((error: unknown) => {
    document.body.dataset.loadError = String(error instanceof Error ? error.message : JSON.stringify(error));
  });
});

async function open(files: File[]) {
  const { wadouri } = cornerstoneWADOImageLoader;
  const ids = files.map((file) => wadouri.fileManager.add(file));
  // Every header first (the data set cache keeps each file's bytes for the pixel decode that follows).
  await Promise.all(ids.map((id) => wadouri.dataSetCacheManager.load(wadouri.parseImageId(id).url, wadouri.loadFileRequest, id)));
  performance.mark('peer:headers-read');
  const located = ids.map((id) => ({ id, loc: locationMm(id) ?? 0 }));
  located.sort((a, b) => b.loc - a.loc);
  const imageIds = located.map((l) => l.id);
  await viewport.showFirst(imageIds);
  images = await Promise.all(imageIds.map((id) => cornerstone.loadAndCacheImage(id)));
  performance.mark('recist:series-ready');
}

/** HU statistics of slice `i` (0-based, display order), from the image cornerstone renders. */
function sliceHuStats(i: number) {
  const image = images[i];
  if (!image) return undefined;
  const pixels = image.getPixelData() as unknown as ArrayLike<number>;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < pixels.length; k++) {
    const hu = pixels[k]! * image.slope + image.intercept;
    sum += hu;
    if (hu < min) min = hu;
    if (hu > max) max = hu;
  }
  return { mean: sum / pixels.length, min, max };
}

/** The brief's variant: displayImage per slice inside a requestAnimationFrame callback, timed to IMAGE_RENDERED. */
async function scrollOnAnimationFrames(): Promise<{ ms: number[]; slices: number[] }> {
  const ms: number[] = [];
  const slices: number[] = [];
  for (let i = 1; i < images.length; i++) {
    const rendered = new Promise<number>((done) => {
      element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, () => done(performance.now()), { once: true });
    });
    const start = await new Promise<number>((frame) => requestAnimationFrame(() => {
      const t = performance.now();
      stack.index = i;
      showOverlay(i);
      cornerstone.displayImage(element, images[i]!);
      frame(t);
    }));
    ms.push((await rendered) - start);
    slices.push(Number(element.dataset.renderedSlice));
  }
  return { ms, slices };
}

Object.assign(window, { __peer: { sliceHuStats, scrollOnAnimationFrames, count: () => stack.imageIds.length } });
