// The bottom line: where the images came from, what was skipped, and the navigation keys.
import { formatCount } from './format';
import { describeCalibration } from './import/calibrationWords';
import { describeSkipped } from './messages';
import type { LoadedSeries } from './screenState';

export function StatusBar({ loaded }: { readonly loaded: LoadedSeries | undefined }) {
  return (
    <footer className="status-bar">
      <span role="status" data-testid="source-status">{loaded ? describeSource(loaded) : ' '}</span>
      {loaded && (
        <span className="status-bar__keys" aria-hidden="true">
          <kbd>↑</kbd><kbd>↓</kbd> or wheel: slice · <kbd>PgUp</kbd><kbd>PgDn</kbd> · <kbd>Home</kbd><kbd>End</kbd>
        </span>
      )}
    </footer>
  );
}

function describeSource({ series, source }: LoadedSeries): string {
  const images = formatCount(series.slices.length, 'image', 'images');
  const order = series.orderedBy === 'imagePosition' ? 'ordered by slice position' : 'ordered by instance number (no slice positions)';
  const first = series.slices[0];
  const calibration = first ? describeCalibration(first.calibration) : undefined;
  const note = calibration ? ` · ${calibration}` : '';
  if (source.kind === 'sample') return `Embedded sample · ${source.studyLabel} · ${images} · ${order}${note}`;
  const skipped = Object.keys(source.skipped).length > 0 ? ` · skipped: ${describeSkipped(source.skipped)}` : '';
  const others = source.seriesCount > 1 ? ` · showing the largest of ${source.seriesCount} series` : '';
  return `${formatCount(source.fileCount, 'file', 'files')} opened · ${images}${others} · ${order}${note}${skipped}`;
}
