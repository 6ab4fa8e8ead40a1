// The first screen: title bar, the study browser and import report, the viewports (or loading / error in their
// place; a later load that failed is said over them), status line. Files and folders can be dropped anywhere on it.
import { DropZone } from './import/DropZone';
import { ImportSidebar } from './import/ImportSidebar';
import { OpenFolderButton } from './import/OpenFolderButton';
import type { StudyBrowserProps } from './import/StudyBrowser';
import { FailedLoadAlert } from './FailedLoadAlert';
import { ErrorPanel, LoadingPanel } from './StatusPanel';
import { OpenFilesButton } from './OpenFilesButton';
import type { ImportedLibrary, ScreenState } from './screenState';
import { StatusBar } from './StatusBar';
import type { ReactNode } from 'react';
import type { CtSeries } from '../dicom/ctSeries';
import { ComparisonViewer, type ComparisonPane, type ComparisonViewerProps } from './viewer/ComparisonViewer';

export interface ReadingScreenProps {
  readonly state: ScreenState;
  /** Increments each time a series is (re)opened, so the viewer starts fresh even for the same series. */
  readonly openCount: number;
  /** Files from the file or the folder picker (a folder's files carry their path in webkitRelativePath). */
  readonly onOpenFiles: (files: File[]) => void;
  /** Called during the drop event, while the DataTransfer still holds the dropped files and folders. */
  readonly onDropFiles: (dataTransfer: DataTransfer) => void;
  readonly onRetry: () => void;
  /** Closes the notice of a load that found nothing to show (the study on screen stayed). */
  readonly onDismissFailedLoad: () => void;
  /** Series shown beside the loaded one (the sample's follow-up), left to right. */
  readonly comparePanes?: readonly ComparisonPane[] | undefined;
  /** The last import's studies and report; the left column shows them. */
  readonly imported: ImportedLibrary | undefined;
  readonly shown: StudyBrowserProps['shown'];
  readonly onShowSeries: StudyBrowserProps['onShow'];
  /** Measurements and their events, for the viewer (the lesion record's side of it). */
  readonly viewerProps?: Omit<ComparisonViewerProps, 'panes'>;
  /** The right column: lesions and response. */
  readonly sidePanel?: ReactNode;
  /** More controls in the title bar, before the open buttons (exports, the cohort screen). */
  readonly titleActions?: ReactNode;
  /** The PACS panel, at the top of the left column beside the local studies. */
  readonly pacsPanel?: ReactNode;
  /** Who is reading (and the switch to another reader), always in the title bar. */
  readonly readerBar?: ReactNode;
}

/** The key of the left pane, which shows the loaded series: the lesion record addresses the pane by it. */
export const primaryPaneKey = (series: CtSeries): string => `primary:${series.seriesInstanceUid}`;

export function ReadingScreen(props: ReadingScreenProps) {
  const { state, openCount, onOpenFiles, onDropFiles, onRetry, onDismissFailedLoad, comparePanes = [], imported, shown, onShowSeries, viewerProps, sidePanel, titleActions, pacsPanel, readerBar } = props;
  const loaded = state.status === 'ready' ? state.loaded : undefined;
  const pending = state.status === 'ready' ? state.pending : undefined;
  const failedLoad = state.status === 'ready' ? state.failedLoad : undefined;
  const busy = state.status === 'loading' || pending !== undefined;
  const studyLabel = loaded?.source.kind === 'sample' ? loaded.source.studyLabel : undefined;
  return (
    <div className="reading-screen">
      <header className="title-bar">
        <h1 className="title-bar__title">recist-reader</h1>
        <span className="title-bar__subtitle">RECIST 1.1 tumour measurement</span>
        {readerBar}
        <span className="title-bar__spacer" />
        <a className="button" href="#cohort">Cohort analysis</a>
        {titleActions}
        <OpenFolderButton onFiles={onOpenFiles} disabled={busy} />
        <OpenFilesButton onFiles={onOpenFiles} disabled={busy} />
      </header>
      <DropZone onDrop={onDropFiles} disabled={busy}>
        {(imported || pacsPanel) && <ImportSidebar tree={imported?.tree ?? []} report={imported?.report} shown={shown} onShow={onShowSeries} pacsPanel={pacsPanel} />}
        <main className="viewport-area">
          {state.status === 'loading' && <LoadingPanel progress={state.progress} />}
          {state.status === 'error' && <ErrorPanel error={state.error} report={state.report} onRetry={onRetry} />}
          {pending && <div className="viewport-area__busy"><LoadingPanel progress={pending} /></div>}
          {failedLoad && <FailedLoadAlert failed={failedLoad} onDismiss={onDismissFailedLoad} />}
          {loaded && (
            <ComparisonViewer
              {...viewerProps}
              key={`${openCount}:${loaded.series.seriesInstanceUid}`}
              panes={[
                { key: primaryPaneKey(loaded.series), series: loaded.series, title: studyLabel ?? 'Opened files', timePoint: studyLabel },
                ...comparePanes,
              ]}
            />
          )}
        </main>
        {sidePanel}
      </DropZone>
      <StatusBar loaded={loaded} />
    </div>
  );
}
