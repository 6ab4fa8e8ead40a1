// Putting series on screen: decode them in the background from their first slice on, and, for a load the user
// started, mark when the first image is drawn and when every slice is ready.
import type { CtSeries } from '../../dicom/ctSeries';
import { drawnOrLater } from './drawnOrLater';
import { markFirstImageOf, markSeriesReady } from './loadMarks';
import { warmCommonCodecs } from './loadingPool';
import { DEFAULT_BUDGET_BYTES } from './pixelStore';
import { inTurns, prefetchInOrder } from './prefetchSlices';
import { TaskDropped } from './jobQueue';

/**
 * How long background decoding waits for the first image to be drawn. Starting it costs the main thread little (the
 * workers make the slices), but its reads and decodes take the cores that React and cornerstone need to draw the
 * slice the reader is waiting for; on a 2-core machine that wait is the longer one.
 */
const FIRST_DRAW_WAIT_MS = 200;

/**
 * Starts decoding `shown` (all slices, the first ones first) and returns a function that stops watching for the
 * first image. Call it as soon as the series are known, before React draws them: the decode of slice 1 is then
 * already under way when the viewport asks for it.
 */
export function showSeries(shown: readonly CtSeries[], options: { readonly marks: boolean }): () => void {
  const slices = shown.flatMap((series) => series.slices);
  const stopWatching = options.marks ? markFirstImageOf(slices) : () => undefined;
  // Each pane's first slice alone first, so no other read competes with the image the reader waits for; then the
  // series in turns, so both panes fill at the same pace.
  const firsts = shown.flatMap((series) => series.slices.slice(0, 1));
  Promise.all(firsts.map((slice) => slice.pixels.load('display')))
    .then(() => drawnOrLater((slice) => firsts.includes(slice), FIRST_DRAW_WAIT_MS))
    .then(() => {
      // The reader has an image: the codecs a later import may need load now, once, beside this series' background
      // decoding (the embedded sample's first draw is the usual moment, long before the reader opens files).
      warmCommonCodecs();
      return prefetchInOrder(inTurns(shown.map((series) => series.slices)), DEFAULT_BUDGET_BYTES);
    })
    .then((ready) => {
      if (options.marks && ready) markSeriesReady();
    }, (thrown: unknown) => {
      // Dropped: a newer import replaced this one. Anything else is a worker bug, to be seen.
      if (!(thrown instanceof TaskDropped)) console.error('recist: background decoding failed', thrown);
    });
  return stopWatching;
}
