// Composition root: loads the embedded baseline and its first follow-up on start, or the user's files (picked or
// dropped) on request, into the reading screen; the study browser puts any imported series in either pane.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CtSeries } from '../dicom/ctSeries';
import type { ImportReport } from '../dicom/importReport';
import { err, ok, type Result } from '../shared/result';
import type { PaneSide } from '../ui/import/StudyBrowser';
import { ReadingScreen } from '../ui/ReadingScreen';
import { createLoadProgressFeed } from '../ui/loadProgressFeed';
import type { FailedLoad, ImportedLibrary, LoadedSeries, ScreenState } from '../ui/screenState';
import type { ComparisonPane } from '../ui/viewer/ComparisonViewer';
import { SAMPLE_BASE_URL } from './loadSampleStudy';
import { installDebugHook } from './loading/debugHook';
import { filesFromDataTransfer, namedFiles, type DroppedFiles } from './loading/fileSources';
import type { Library } from './loading/importLibrary';
import { markFilesChosen } from './loading/loadMarks';
import type { NamedBlob } from './loading/workerProtocol';
import { fetchBytes } from './fetchBytes';
import { loadSampleLibrary } from './loading/sampleLibrary';
import { showSeries } from './loading/showSeries';
import { openLocalFiles } from './openLocalFiles';
import { loadSampleComparison } from './sampleComparison';
import { chooseSampleFollowUp } from './chooseSampleFollowUp';
import { RecordErrorBoundary } from '../ui/tracking/RecordErrorBoundary';
import { RecordLoading } from '../ui/tracking/RecordLoading';
import { RecordUnavailable } from '../ui/tracking/RecordUnavailable';
import { UpdateBanner } from '../ui/UpdateBanner';
import { useOfflineApp } from './offline/useOfflineApp';
import { RecordedReadingScreen } from './tracking/RecordedReadingScreen';
import { useRecordDatabase } from './tracking/recordDatabase';
import { ExportControls } from './export/ExportControls';
import { useSampleFollowUp } from './useSampleFollowUp';
import { PacsPanel } from '../ui/pacs/PacsPanel';
import { usePacs } from './pacs/usePacs';
import { ReaderBar } from '../ui/readers/ReaderBar';
import { useReaderSessionContext } from './readers/readerSessionContext';
import { AdjudicationReadingScreen } from './readers/AdjudicationReadingScreen';
import { usePatientAdjudication } from './readers/usePatientDoubleRead';

const SAMPLE_STUDY = { label: 'sample baseline and follow-up CT' } as const;

/** Series the reader put in a pane from the study browser, over what the load chose. */
interface PaneChoice {
  readonly left?: CtSeries;
  readonly right?: CtSeries;
}

export function App() {
  const [state, setState] = useState<ScreenState>(() => ({
    status: 'loading', progress: createLoadProgressFeed(SAMPLE_STUDY.label),
  }));
  const [openCount, setOpenCount] = useState(0);
  const [imported, setImported] = useState<ImportedLibrary | undefined>(undefined);
  const [choice, setChoice] = useState<PaneChoice>({});
  const [localFollowUp, setLocalFollowUp] = useState<CtSeries | undefined>(undefined);
  const [sampleTreatmentDate, setSampleTreatmentDate] = useState<string | undefined>(undefined);
  const session = useReaderSessionContext();
  const database = useRecordDatabase(session.databaseName);
  const offline = useOfflineApp();
  // The files of the import on screen (none for the sample, which is read from its URL): kept images are read from them.
  const importedFiles = useRef<readonly NamedBlob[]>([]);
  // Only the latest load may update the screen: opening files while the sample loads wins over the sample.
  const currentLoad = useRef<AbortController | null>(null);
  // The import on screen; a new one lets the old one's queued decoding and decoded pixels go.
  const library = useRef<Library | null>(null);

  const adopt = useCallback((next: Library, signal: AbortSignal) => {
    if (signal.aborted) return;
    if (library.current !== next) library.current?.store.discard();
    library.current = next;
    setImported({ tree: next.tree, report: next.report });
  }, []);

  const run = useCallback((what: string, load: (signal: AbortSignal, progress: (done: number, total: number) => void) =>
    Promise<Result<LoadedSeries, FailedLoad>>) => {
    currentLoad.current?.abort();
    const controller = new AbortController();
    currentLoad.current = controller;
    // What is on screen stays, under the progress, until the new load is ready (screenState.ts says why). The
    // screen state changes once here; the ticks go to the feed, which only the loading panel reads.
    const feed = createLoadProgressFeed(what);
    setState((current) =>
      current.status === 'ready' ? { status: 'ready', loaded: current.loaded, pending: feed } : { status: 'loading', progress: feed });
    const progress = (done: number, total: number) => {
      if (!controller.signal.aborted) feed.report(done, total);
    };
    load(controller.signal, progress).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) {
        // Nothing to show: a study on screen stays, as the reader left it, with the failure said over it.
        const failed = result.error;
        setState((current) => current.status === 'ready'
          ? { status: 'ready', loaded: current.loaded, failedLoad: failed }
          : { status: 'error', error: failed.error, report: failed.report });
        return;
      }
      setState({ status: 'ready', loaded: result.value });
      setChoice({});
      setOpenCount((n) => n + 1);
    }, (thrown: unknown) => {
      if (controller.signal.aborted) return; // superseded or unmounted: not an error
      throw thrown;
    });
    return controller;
  }, []);

  const followUp = useSampleFollowUp(session.databaseName);
  const startFollowUp = followUp.start;
  const dismissFailedLoad = useCallback(() => setState((current) => {
    if (current.status !== 'ready') return current;
    const { failedLoad: _dismissed, ...rest } = current;
    return rest;
  }), []);

  const loadSample = useCallback(() => run(SAMPLE_STUDY.label, async (signal, onProgress) => {
    const result = await loadSampleComparison({ signal, onProgress, chooseFollowUp: chooseSampleFollowUp(session.databaseName) });
    if (!result.ok) return err({ error: result.error, report: undefined });
    // The same import the comparison came from, for the study browser.
    const sample = await loadSampleLibrary(SAMPLE_BASE_URL, signal);
    if (sample.ok) adopt(sample.value.library, signal);
    if (!signal.aborted) {
      importedFiles.current = [];
      setLocalFollowUp(undefined);
      setSampleTreatmentDate(result.value.treatmentDate);
      startFollowUp(result.value);
    }
    return ok(result.value.baseline);
  }), [run, startFollowUp, adopt, session.databaseName]);

  useEffect(() => {
    const controller = loadSample();
    return () => controller.abort();
  }, [loadSample]);

  /** Picked or dropped files: the user's load, measured by the recist:* performance marks. */
  const openFiles = useCallback((what: string, chosen: Promise<DroppedFiles>) => {
    run(what, async (signal, onProgress) => {
      const { files, unreadable } = await chosen;
      // A frame that fails later adds a report line, as long as this import is the one on screen.
      let mine: Library | undefined;
      const onReportChange = (report: ImportReport) => {
        if (mine && library.current === mine) setImported((current) => current && { ...current, report });
      };
      const opened = await openLocalFiles(files, { onProgress, onReportChange, unreadable, signal });
      if (!opened.result.ok) {
        // No image in them: the study on screen keeps its files and its study browser; this import's report goes
        // with the failure, and its pixel store (empty) goes.
        opened.library.store.discard();
        return err({ error: opened.result.error, report: opened.library.report });
      }
      mine = opened.library;
      adopt(opened.library, signal);
      if (!signal.aborted) {
        importedFiles.current = files;
        setLocalFollowUp(opened.followUp);
        // Decoding starts now, before React draws the panes; the first image and the whole series are marked.
        showSeries([opened.result.value.series, ...(opened.followUp ? [opened.followUp] : [])], { marks: true });
      }
      return ok(opened.result.value);
    });
  }, [run, adopt]);

  /** Series retrieved from the PACS: opened as the user's own files (the PACS panel marked when they were asked for). */
  const openPacsFiles = useCallback((what: string, files: readonly NamedBlob[]) => {
    openFiles(what, Promise.resolve({ files: [...files], unreadable: [] }));
  }, [openFiles]);
  const pacs = usePacs(database?.ok ? database.value : undefined, openPacsFiles, session);

  const onOpenFiles = useCallback((files: File[]) => {
    markFilesChosen();
    openFiles(`${files.length} chosen file${files.length === 1 ? '' : 's'}`, Promise.resolve({ files: namedFiles(files), unreadable: [] }));
  }, [openFiles]);

  const onDropFiles = useCallback((dataTransfer: DataTransfer) => {
    markFilesChosen();
    // The entries are taken now, inside the drop event; the folders are walked after.
    openFiles('dropped files', filesFromDataTransfer(dataTransfer));
  }, [openFiles]);

  /** The bytes of a file of the import on screen, by the path its slices carry. */
  const fileBytes = useCallback(async (path: string): Promise<ArrayBuffer | undefined> => {
    if (loadedSource.current === 'sample') {
      const fetched = await fetchBytes(`${SAMPLE_BASE_URL}${path}`);
      return fetched.ok ? fetched.value.slice().buffer : undefined;
    }
    return importedFiles.current.find((f) => f.name === path)?.blob.arrayBuffer();
  }, []);

  /** Kept studies opened together with what is on screen, as one import, so baseline and follow-up sit side by side. */
  const onOpenWithKept = useCallback((kept: readonly NamedBlob[]) => {
    const current = async (): Promise<NamedBlob[]> => {
      if (loadedSource.current !== 'sample') return [...importedFiles.current];
      const paths = [...new Set((library.current?.series ?? []).flatMap((s) => s.slices.map((x) => x.file)))];
      const files = await Promise.all(paths.map(async (name) => {
        const bytes = await fileBytes(name);
        return bytes ? { name, blob: new Blob([bytes]) } : undefined;
      }));
      return files.filter((f): f is NamedBlob => f !== undefined);
    };
    markFilesChosen();
    openFiles('kept images with the studies on screen', current().then((files) => ({ files: [...files, ...kept], unreadable: [] })));
  }, [fileBytes, openFiles]);

  const onShowSeries = useCallback((series: CtSeries, side: PaneSide) => {
    setChoice((current) => ({ ...current, [side]: series }));
  }, []);

  // What is on screen: the load's choice, or the reader's from the study browser.
  const loaded = state.status === 'ready' ? state.loaded : undefined;
  const loadedSource = useRef<'sample' | 'local' | undefined>(undefined);
  loadedSource.current = loaded?.source.kind;
  const left = choice.left ?? loaded?.series;
  const shownState: ScreenState = loaded && choice.left ? { status: 'ready', loaded: { ...loaded, series: choice.left } } : state;
  const samplePanes = loaded?.source.kind === 'sample' ? followUp.panes : [];
  const rightSeries = choice.right ?? localFollowUp;
  const comparePanes: readonly ComparisonPane[] = rightSeries && (choice.right || loaded?.source.kind === 'local')
    ? [{ key: `right:${rightSeries.seriesInstanceUid}`, series: rightSeries, title: 'Follow-up', timePoint: 'Follow-up' }]
    : samplePanes;
  const right = comparePanes[0]?.series;

  // A discordant double read of this patient that the reader reading now adjudicates: both reads instead of a record.
  const leftPatient = left?.slices[0]?.patient;
  const adjudication = usePatientAdjudication(session, leftPatient && (leftPatient.id || leftPatient.name));

  const shownLeft = useRef<CtSeries | undefined>(undefined);
  shownLeft.current = left;
  useEffect(() => installDebugHook(() => shownLeft.current), []);

  // Whatever comes on screen is decoded in the background (slices already decoded or under way cost nothing).
  useEffect(() => {
    if (state.status !== 'ready') return undefined;
    return showSeries([left, right].filter((s): s is CtSeries => s !== undefined), { marks: false });
  }, [state.status, left, right]);

  const screen = {
    state: shownState,
    openCount,
    onOpenFiles,
    onDropFiles,
    onRetry: loadSample,
    onDismissFailedLoad: dismissFailedLoad,
    comparePanes,
    imported,
    shown: { left: left?.seriesInstanceUid, right: right?.seriesInstanceUid },
    onShowSeries,
    pacsPanel: <PacsPanel {...pacs} />,
    readerBar: <ReaderBar reader={session.reader} readers={session.readers.map((r) => r.name)} onReadAs={(name) => void session.readAs(name)} />,
  };
  const banner = (
    <UpdateBanner offlineReady={offline.offlineReady} updateReady={offline.updateReady} onUpdate={offline.applyUpdate} onDismiss={offline.dismiss} />
  );
  // The lesion record of the left pane's patient, once the database is open; the viewer works without it.
  const first = left?.slices[0];
  const patient = first && { key: first.patient.id || first.patient.name, name: first.patient.name };
  if (adjudication && session.reader && state.status === 'ready') {
    return (
      <>
        <AdjudicationReadingScreen {...screen} row={adjudication.row} intents={adjudication.intents} reader={session.reader} />
        {banner}
      </>
    );
  }
  if (!database?.ok || !patient || state.status !== 'ready') {
    const side = database && !database.ok ? <RecordUnavailable error={database.error} /> : <RecordLoading />;
    return (
      <>
        <ReadingScreen {...screen} sidePanel={side} titleActions={<ExportControls db={database?.ok ? database.value : undefined} patientId={patient?.key} />} />
        {banner}
      </>
    );
  }
  return (
    <>
      <RecordErrorBoundary
        fallback={(detail) => <ReadingScreen {...screen} sidePanel={<RecordUnavailable error={{ code: 'STORAGE_UNAVAILABLE', detail }} />} titleActions={<ExportControls db={database.value} patientId={patient.key} />} />}
      >
        <RecordedReadingScreen
          {...screen}
          db={database.value}
          patient={patient}
          titleActions={<ExportControls db={database.value} patientId={patient.key} />}
          tree={imported?.tree ?? []}
          defaultTreatmentDate={loaded?.source.kind === 'sample' ? sampleTreatmentDate : undefined}
          fileBytes={fileBytes}
          onOpenWithKept={onOpenWithKept}
        />
      </RecordErrorBoundary>
      {banner}
    </>
  );
}
