// The performance marks a benchmark reads (names fixed by the issue): when the user's files arrived, when the first
// image of that load was drawn, when every slice of the displayed series was decoded and ready to draw.
import type { CtInstance } from '../../dicom/ctInstance';
import { onSliceRendered } from '../../viewer/imageLoader';

export const MARKS = {
  filesChosen: 'recist:files-chosen',
  firstImage: 'recist:first-image',
  seriesReady: 'recist:series-ready',
} as const;

export const markFilesChosen = (): void => void performance.mark(MARKS.filesChosen);

export const markSeriesReady = (): void => void performance.mark(MARKS.seriesReady);

/** Marks the first drawing of any of `slices` on a canvas, once; returns a function that stops watching. */
export function markFirstImageOf(slices: readonly CtInstance[]): () => void {
  const wanted = new Set(slices);
  const stop = onSliceRendered((slice) => {
    if (!wanted.has(slice)) return;
    performance.mark(MARKS.firstImage);
    stop();
  });
  return stop;
}
