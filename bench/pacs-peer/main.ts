// The PACS bench's peer: cornerstone-core 2.6.1 + cornerstone-wado-image-loader 4.13's WADO-RS loader, as its README
// and OHIF's stack viewer use it: the series metadata (WADO-RS) into the loader's metaDataManager, image ids
// `wadors:.../frames/1` sorted by position along the slice normal, the first image shown, then every frame loaded.
// Same performance marks and overlay as our app, so one driver measures both (bench/pacsBench.ts).
import cornerstone from 'cornerstone-core';
import type { Image } from 'cornerstone-core';
import dicomParser from 'dicom-parser';
import cornerstoneWADOImageLoader from 'cornerstone-wado-image-loader';

cornerstoneWADOImageLoader.external.cornerstone = cornerstone;
cornerstoneWADOImageLoader.external.dicomParser = dicomParser;
cornerstoneWADOImageLoader.webWorkerManager.initialize({
  maxWebWorkers: 2,
  startWebWorkersOnDemand: false,
  taskConfiguration: { decodeTask: { initializeCodecsOnStartup: true, strict: false } },
});

const element = document.getElementById('viewport') as HTMLDivElement;
const params = new URLSearchParams(location.search);
element.style.width = `${Number(params.get('w') ?? 1024)}px`;
element.style.height = `${Number(params.get('h') ?? 600)}px`;
const counter = element.querySelector('[data-testid=slice-counter]') as HTMLDivElement;
const locationText = element.querySelector('[data-testid=slice-location]') as HTMLDivElement;
cornerstone.enable(element);

type DicomJson = Record<string, { Value?: unknown[] }>;
// Its WADO-RS half, which bench/peer's type declarations leave out.
const { wadors } = cornerstoneWADOImageLoader as unknown as { wadors: { metaDataManager: { add(imageId: string, metadata: unknown): void } } };
let imageIds: string[] = [];
const locations = new Map<string, number>();
let index = 0;
let firstRendered = false;

const numbers = (m: DicomJson, tag: string): number[] => (m[tag]?.Value ?? []).map(Number);

function showOverlay(i: number) {
  counter.textContent = `Slice ${i + 1} / ${imageIds.length}`;
  const loc = locations.get(imageIds[i] ?? '');
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

element.addEventListener('keydown', (event) => {
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (step === 0 || imageIds.length === 0) return;
  event.preventDefault();
  const next = Math.min(imageIds.length - 1, Math.max(0, index + step));
  if (next === index) return;
  index = next;
  showOverlay(next);
  void cornerstone.loadAndCacheImage(imageIds[next] as string).then((image) => {
    if (index === next) cornerstone.displayImage(element, image);
  });
});

async function open(study: string, series: string) {
  performance.mark('recist:files-chosen');
  const root = `${location.origin}/dicom-web/studies/${study}/series/${series}`;
  const metadata = await (await fetch(`${root}/metadata`, { headers: { Accept: 'application/dicom+json' } })).json() as DicomJson[];
  const located = metadata.map((m) => {
    const sop = String(m['00080018']?.Value?.[0]);
    const imageId = `wadors:${root}/instances/${sop}/frames/1`;
    wadors.metaDataManager.add(imageId, m);
    const [px = 0, py = 0, pz = 0] = numbers(m, '00200032');
    const [r0 = 1, r1 = 0, r2 = 0, c0 = 0, c1 = 1, c2 = 0] = numbers(m, '00200037');
    const n = [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0] as const;
    const loc = px * n[0] + py * n[1] + pz * n[2];
    locations.set(imageId, loc);
    return { imageId, loc };
  });
  located.sort((a, b) => b.loc - a.loc);
  imageIds = located.map((l) => l.imageId);
  index = 0;
  showOverlay(0);
  const first = await cornerstone.loadAndCacheImage(imageIds[0] as string);
  cornerstone.displayImage(element, first);
  element.focus({ preventScroll: true });
  await Promise.all(imageIds.map((id) => cornerstone.loadAndCacheImage(id)));
  performance.mark('recist:series-ready');
}

Object.assign(window, {
  __peer: {
    open: (study: string, series: string) => {
      void open(study, series).catch((error: unknown) => {
        document.body.dataset.loadError = error instanceof Error ? error.message : JSON.stringify(error);
      });
    },
  },
});
