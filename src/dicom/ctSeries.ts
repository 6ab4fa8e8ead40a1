// Instances grouped into series (SeriesInstanceUID), each in spatial order.
import { sliceKey, type CtInstance } from './ctInstance';
import { sortSlices, type SliceOrder } from './geometry';

export interface CtSeries {
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly description: string;
  readonly seriesNumber: number | undefined;
  readonly modality: string;
  /** Spatially ordered (see geometry.sortSlices); never empty. */
  readonly slices: readonly CtInstance[];
  readonly orderedBy: SliceOrder;
}

/**
 * Groups slices by series and orders each; a slice seen twice (the same file chosen twice, or copied into two
 * folders: same SOPInstanceUID and frame) counts once. Series come back by SeriesNumber, then by size, largest first.
 */
export function groupIntoSeries(instances: readonly CtInstance[]): CtSeries[] {
  const bySeries = new Map<string, Map<string, CtInstance>>();
  for (const instance of instances) {
    const series = bySeries.get(instance.seriesInstanceUid) ?? new Map<string, CtInstance>();
    const key = sliceKey(instance);
    if (!series.has(key)) series.set(key, instance);
    bySeries.set(instance.seriesInstanceUid, series);
  }
  const result: CtSeries[] = [];
  for (const [seriesInstanceUid, members] of bySeries) {
    const { slices, orderedBy } = sortSlices([...members.values()]);
    const first = slices[0];
    if (!first) continue;
    result.push({
      seriesInstanceUid,
      studyInstanceUid: first.studyInstanceUid,
      description: first.seriesDescription,
      seriesNumber: first.seriesNumber,
      modality: first.modality,
      slices,
      orderedBy,
    });
  }
  return result.sort((a, b) =>
    (a.seriesNumber ?? Infinity) - (b.seriesNumber ?? Infinity) || b.slices.length - a.slices.length);
}

/** The series to open first when a user drops a whole study: the one with the most slices (the thin axial stack). */
export const largestSeries = (series: readonly CtSeries[]): CtSeries | undefined =>
  series.reduce<CtSeries | undefined>((best, s) => (best && best.slices.length >= s.slices.length ? best : s), undefined);
