// Where to show a lesion in each pane when the reader clicks it: its own measurement in the pane's study when it
// has one, otherwise the slice nearest in position to where it was measured elsewhere (the same point in the
// image), so the follow-up opens where the lesion should be.
import type { CtInstance } from '../../dicom/ctInstance';
import type { CtSeries } from '../../dicom/ctSeries';
import { sliceLocationMm } from '../../dicom/geometry';
import type { ImagePointPx, MeasurementRow } from '../../tracking/types';

export interface RevealTarget {
  readonly paneKey: string;
  readonly image: { readonly sopInstanceUid: string; readonly frameNumber: number };
  readonly centre: ImagePointPx;
}

const centreOf = (m: MeasurementRow): ImagePointPx =>
  ({ x: (m.longAxis.start.x + m.longAxis.end.x) / 2, y: (m.longAxis.start.y + m.longAxis.end.y) / 2 });

const sliceOf = (series: readonly CtSeries[], m: MeasurementRow): CtInstance | undefined => {
  for (const s of series) {
    const found = s.slices.find((x) => x.sopInstanceUid === m.image.sopInstanceUid && x.frameNumber === m.image.frameNumber);
    if (found) return found;
  }
  return undefined;
};

export function revealTargets(
  panes: readonly { readonly key: string; readonly series: CtSeries }[],
  measurements: readonly MeasurementRow[],
): RevealTarget[] {
  const allSeries = panes.map((p) => p.series);
  const targets: RevealTarget[] = [];
  // The latest measurement is the best guess of where the lesion is now.
  const newestFirst = [...measurements].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  for (const pane of panes) {
    const own = newestFirst.find((m) => m.image.seriesInstanceUid === pane.series.seriesInstanceUid);
    if (own) {
      targets.push({ paneKey: pane.key, image: own.image, centre: centreOf(own) });
      continue;
    }
    const elsewhere = newestFirst.map((m) => ({ m, slice: sliceOf(allSeries, m) })).find((x) => x.slice !== undefined);
    const location = elsewhere?.slice ? sliceLocationMm(elsewhere.slice) : undefined;
    if (!elsewhere || location === undefined) continue;
    let nearest: CtInstance | undefined;
    let distance = Infinity;
    for (const slice of pane.series.slices) {
      const here = sliceLocationMm(slice);
      if (here !== undefined && Math.abs(here - location) < distance) {
        distance = Math.abs(here - location);
        nearest = slice;
      }
    }
    if (nearest) targets.push({ paneKey: pane.key, image: { sopInstanceUid: nearest.sopInstanceUid, frameNumber: nearest.frameNumber }, centre: centreOf(elsewhere.m) });
  }
  return targets;
}
