// The bench's peer viewer: cornerstone-core 2.6.1 + cornerstone-wado-image-loader 4.13 configured as its README says
// (external libraries, webWorkerManager.initialize with 2 workers, wadouri fileManager for local files). It does what
// our app does with chosen files: read every header, sort by position along the slice normal (head to feet, as our
// app), show the first image, then load and decode every image. It sets the same performance marks as our app and
// the same `data-rendered-slice` / overlay text, so one driver measures both.
import cornerstone from 'cornerstone-core';
import type { Image } from 'cornerstone-core';
import dicomParser from 'dicom-parser';
import cornerstoneWADOImageLoader from 'cornerstone-wado-image-loader';

cornerstoneWADOImageLoader.external.cornerstone = cornerstone;
cornerstoneWADOImageLoader.external.dicomParser = dicomParser;
cornerstoneWADOImageLoader.webWorkerManager.initialize({
  maxWebWorkers: 2,
  // An app that has been open a while has its workers and codecs up; starting them now favours the peer.
  startWebWorkersOnDemand: false,
  taskConfiguration: { decodeTask: { initializeCodecsOnStartup: true, strict: false } },
});

const params = new URLSearchParams(location.search);
const element = document.getElementById('viewport') as HTMLDivElement;
element.style.width = `${Number(params.get('w') ?? 1024)}px`;
element.style.height = `${Number(params.get('h') ?? 600)}px`;
const counter = element.querySelector('[data-testid=slice-counter]') as HTMLDivElement;
const locationText = element.querySelector('[data-testid=slice-location]') as HTMLDivElement;
const input = document.getElementById('files') as HTMLInputElement;
cornerstone.enable(element);

interface Plane {
  imagePositionPatient?: number[];
  rowCosines?: number[];
  columnCosines?: number[];
}

let imageIds: string[] = [];
let images: Image[] = [];
let index = 0;
let firstRendered = false;

function locationMm(imageId: string): number | undefined {
  const plane = cornerstone.metaData.get('imagePlaneModule', imageId) as Plane | undefined;
  const p = plane?.imagePositionPatient;
  const r = plane?.rowCosines;
  const c = plane?.columnCosines;
  if (!p || !r || !c) return undefined;
  const n = [r[1]! * c[2]! - r[2]! * c[1]!, r[2]! * c[0]! - r[0]! * c[2]!, r[0]! * c[1]! - r[1]! * c[0]!];
  return p[0]! * n[0]! + p[1]! * n[1]! + p[2]! * n[2]!;
}

function showOverlay(i: number) {
  counter.textContent = `Slice ${i + 1} / ${imageIds.length}`;
  const loc = locationMm(imageIds[i]!);
  locationText.textContent = `Loc ${loc === undefined ? '—' : `${loc.toFixed(1)} mm`}`;
}

element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, (event) => {
  const { image } = (event as CustomEvent<{ image: Image }>).detail;
  element.dataset.renderedSlice = String(imageIds.indexOf(image.imageId) + 1);
  if (!firstRendered) {
    firstRendered = true;
    performance.mark('recist:first-image');
  }
});

// The real scroll path of a cornerstone-core app: key -> loadAndCacheImage (cached) -> displayImage -> next frame.
element.addEventListener('keydown', (event) => {
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (step === 0 || imageIds.length === 0) return;
  event.preventDefault();
  const next = Math.min(imageIds.length - 1, Math.max(0, index + step));
  if (next === index) return;
  index = next;
  showOverlay(next);
  void cornerstone.loadAndCacheImage(imageIds[next]!).then((image) => {
    if (index === next) cornerstone.displayImage(element, image);
  });
});

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
  imageIds = located.map((l) => l.id);
  index = 0;
  showOverlay(0);
  const first = await cornerstone.loadAndCacheImage(imageIds[0]!);
  cornerstone.displayImage(element, first);
  element.focus({ preventScroll: true });
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
      index = i;
      showOverlay(i);
      cornerstone.displayImage(element, images[i]!);
      frame(t);
    }));
    ms.push((await rendered) - start);
    slices.push(Number(element.dataset.renderedSlice));
  }
  return { ms, slices };
}

Object.assign(window, { __peer: { sliceHuStats, scrollOnAnimationFrames, count: () => imageIds.length } });
