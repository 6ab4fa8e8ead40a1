// Waiting for a slice on screen: a load holds back work that would take the cores or the network from the image the
// reader is waiting for (background decoding, the rest of a PACS series) until that image is drawn.
import type { CtInstance } from '../../dicom/ctInstance';
import { onSliceRendered } from '../../viewer/imageLoader';

/** Resolves once a slice that `wanted` accepts is drawn, or after `ms` (nothing on screen, drawn already, failed). */
export function drawnOrLater(wanted: (slice: CtInstance) => boolean, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = onSliceRendered((slice) => {
      if (wanted(slice)) done();
    });
    const timer = setTimeout(done, ms);
  });
}
