// Instances grouped into series (SeriesInstanceUID), each in spatial order.
import { sliceKey, type CtInstance } from './ctInstance';
import { sortSlices, type SliceOrder } from './geometry';
import { planeOf, spacingNotes, stacksByOrientation, type SeriesNote } from './seriesNotes';

export interface CtSeries {
  /**
   * The DICOM SeriesInstanceUID. When one series mixed orientations and was split (see `notes`), its largest stack
   * keeps it, and each other stack gets it with `#` and its plane appended: the stack's identity in this app.
   */
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly description: string;
  readonly seriesNumber: number | undefined;
  readonly modality: string;
  /** Spatially ordered (see geometry.sortSlices); never empty. */
  readonly slices: readonly CtInstance[];
  readonly orderedBy: SliceOrder;
  /** What is odd about it (seriesNotes.ts), in the order found; empty for a regular stack. */
  readonly notes: readonly SeriesNote[];
}

/**
 * Groups slices by series and orders each; a slice seen twice (the same file chosen twice, or copied into two
 * folders: same SOPInstanceUID and frame) counts once. A series whose slices lie in more than one orientation becomes
 * one series per orientation (as other viewers split it), each saying so. Series come back by SeriesNumber, then by
 * size, largest first. `extraPixelData`: files holding more pixel data than their header describes.
 */
export function groupIntoSeries(instances: readonly CtInstance[], extraPixelData: ReadonlySet<string> = new Set()): CtSeries[] {
  const bySeries = new Map<string, Map<string, CtInstance>>();
  for (const instance of instances) {
    const series = bySeries.get(instance.seriesInstanceUid) ?? new Map<string, CtInstance>();
    const key = sliceKey(instance);
    if (!series.has(key)) series.set(key, instance);
    bySeries.set(instance.seriesInstanceUid, series);
  }
  const result: CtSeries[] = [];
  for (const [seriesInstanceUid, members] of bySeries) {
    const stacks = stacksByOrientation([...members.values()]);
    const planes = new Map<string, number>();
    stacks.forEach((stack, i) => {
      const { slices, orderedBy } = sortSlices(stack);
      const first = slices[0];
      if (!first) return;
      const plane = first.imageOrientationPatient ? planeOf(first.imageOrientationPatient) : 'oblique';
      const seen = (planes.get(plane) ?? 0) + 1;
      planes.set(plane, seen);
      const files = [...new Set(slices.map((s) => s.file).filter((file) => extraPixelData.has(file)))];
      const notes: SeriesNote[] = [
        ...(stacks.length > 1 ? [{ kind: 'SPLIT_BY_ORIENTATION' as const, plane, stacks: stacks.length }] : []),
        ...(orderedBy === 'imagePosition' ? spacingNotes(slices) : []),
        ...(files.length > 0 ? [{ kind: 'EXTRA_PIXEL_DATA' as const, files }] : []),
      ];
      result.push({
        seriesInstanceUid: i === 0 ? seriesInstanceUid : `${seriesInstanceUid}#${plane}${seen > 1 ? seen : ''}`,
        studyInstanceUid: first.studyInstanceUid,
        description: first.seriesDescription,
        seriesNumber: first.seriesNumber,
        modality: first.modality,
        slices,
        orderedBy,
        notes,
      });
    });
  }
  return result.sort((a, b) =>
    (a.seriesNumber ?? Infinity) - (b.seriesNumber ?? Infinity) || b.slices.length - a.slices.length);
}

/** The series to open first when a user drops a whole study: the one with the most slices (the thin axial stack). */
export const largestSeries = (series: readonly CtSeries[]): CtSeries | undefined =>
  series.reduce<CtSeries | undefined>((best, s) => (best && best.slices.length >= s.slices.length ? best : s), undefined);
