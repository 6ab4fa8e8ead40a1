// When a file's image is on screen: the PACS open waits for it before asking for the rest of the series, whose
// 150 MB would otherwise take the network and the cores from the one image the reader is waiting for.
import { onSliceRendered } from '../../viewer/imageLoader';

/** Resolves once a slice of the file named `name` is drawn, or after `ms` (an import that failed, a hidden pane). */
export function fileDrawnOrLater(name: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = onSliceRendered((slice) => {
      if (slice.file === name) done();
    });
    const timer = setTimeout(done, ms);
  });
}
