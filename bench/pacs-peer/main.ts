// The PACS bench's peer: cornerstone-core 2.6.1 + cornerstone-wado-image-loader 4.13's WADO-RS loader, as its README
// and OHIF's stack viewer use it: the series metadata (WADO-RS) into the loader's metaDataManager, image ids
// `wadors:.../frames/1` sorted by position along the slice normal, the first image shown, then every frame loaded.
// Same performance marks and overlay as our app, so one driver measures both (bench/pacsBench.ts).
import cornerstone from 'cornerstone-core';
import cornerstoneWADOImageLoader from 'cornerstone-wado-image-loader';
import { startPeerViewport } from '../peerViewport';

type DicomJson = Record<string, { Value?: unknown[] }>;
// Its WADO-RS half, which bench/peer's type declarations leave out.
const { wadors } = cornerstoneWADOImageLoader as unknown as { wadors: { metaDataManager: { add(imageId: string, metadata: unknown): void } } };
const locations = new Map<string, number>();
const viewport = startPeerViewport((imageId) => locations.get(imageId));

const numbers = (m: DicomJson, tag: string): number[] => (m[tag]?.Value ?? []).map(Number);

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
  const imageIds = located.map((l) => l.imageId);
  await viewport.showFirst(imageIds);
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
