// What both bench peers (local files: bench/peer; WADO-RS: bench/pacs-peer) share: cornerstone-core 2.6.1 +
// cornerstone-wado-image-loader 4.13 set up as its README says (external libraries, two workers started at once),
// the viewport with our app's overlay text and `data-rendered-slice`, the first-image mark, and the real scroll path
// of a cornerstone-core app (key -> loadAndCacheImage (cached) -> displayImage -> next frame).
import cornerstone from 'cornerstone-core';
import type { Image } from 'cornerstone-core';
import dicomParser from 'dicom-parser';
import cornerstoneWADOImageLoader from 'cornerstone-wado-image-loader';

export interface PeerViewport {
  readonly element: HTMLDivElement;
  /** The stack in display order, and the slice on screen. */
  readonly stack: { imageIds: string[]; index: number };
  showOverlay(i: number): void;
  /** Takes `imageIds` (display order) as the stack and shows its first image. */
  showFirst(imageIds: string[]): Promise<void>;
}

/** `locationMm` gives a slice's position along the normal, for the overlay. */
export function startPeerViewport(locationMm: (imageId: string) => number | undefined): PeerViewport {
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
  cornerstone.enable(element);

  const stack = { imageIds: [] as string[], index: 0 };
  let firstRendered = false;

  const showOverlay = (i: number) => {
    counter.textContent = `Slice ${i + 1} / ${stack.imageIds.length}`;
    const loc = locationMm(stack.imageIds[i] ?? '');
    locationText.textContent = `Loc ${loc === undefined ? '—' : `${loc.toFixed(1)} mm`}`;
  };

  element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, (event) => {
    const { image } = (event as CustomEvent<{ image: Image }>).detail;
    element.dataset.renderedSlice = String(stack.imageIds.indexOf(image.imageId) + 1);
    if (!firstRendered) {
      firstRendered = true;
      performance.mark('recist:first-image');
    }
  });

  element.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || stack.imageIds.length === 0) return;
    event.preventDefault();
    const next = Math.min(stack.imageIds.length - 1, Math.max(0, stack.index + step));
    if (next === stack.index) return;
    stack.index = next;
    showOverlay(next);
    void cornerstone.loadAndCacheImage(stack.imageIds[next] as string).then((image) => {
      if (stack.index === next) cornerstone.displayImage(element, image);
    });
  });

  const showFirst = async (imageIds: string[]) => {
    stack.imageIds = imageIds;
    stack.index = 0;
    showOverlay(0);
    const first = await cornerstone.loadAndCacheImage(imageIds[0] as string);
    cornerstone.displayImage(element, first);
    element.focus({ preventScroll: true });
  };

  return { element, stack, showOverlay, showFirst };
}
