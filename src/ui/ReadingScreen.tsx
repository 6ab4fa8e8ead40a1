// The first screen: title bar, the viewport (or loading / error in its place), status line.
import { ErrorPanel, LoadingPanel } from './StatusPanel';
import { OpenFilesButton } from './OpenFilesButton';
import type { ScreenState } from './screenState';
import { SeriesViewer } from './SeriesViewer';
import { StatusBar } from './StatusBar';

export interface ReadingScreenProps {
  readonly state: ScreenState;
  /** Increments each time a series is (re)opened, so the viewer starts fresh even for the same series. */
  readonly openCount: number;
  readonly onOpenFiles: (files: File[]) => void;
  readonly onRetry: () => void;
}

export function ReadingScreen({ state, openCount, onOpenFiles, onRetry }: ReadingScreenProps) {
  const loaded = state.status === 'ready' ? state.loaded : undefined;
  const studyLabel = loaded?.source.kind === 'sample' ? loaded.source.studyLabel : undefined;
  return (
    <div className="reading-screen">
      <header className="title-bar">
        <h1 className="title-bar__title">recist-reader</h1>
        <span className="title-bar__subtitle">RECIST 1.1 tumour measurement</span>
        <span className="title-bar__spacer" />
        <OpenFilesButton onFiles={onOpenFiles} disabled={state.status === 'loading'} />
      </header>
      <main className="viewport-area">
        {state.status === 'loading' && <LoadingPanel progress={state.progress} />}
        {state.status === 'error' && <ErrorPanel error={state.error} onRetry={onRetry} />}
        {loaded && (
          <SeriesViewer key={`${openCount}:${loaded.series.seriesInstanceUid}`} series={loaded.series} studyLabel={studyLabel} />
        )}
      </main>
      <StatusBar loaded={loaded} />
    </div>
  );
}
