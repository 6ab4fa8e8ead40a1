// Composition root of the cohort screen: fetches the demo cohort (or reads the reader's patient CSV), keeps the
// analysis choice, builds the view (src/cohort/cohortView.ts) and carries out the downloads; the reader agreement
// section has its own (useReaderAgreement).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyControl, choiceForTable, type ControlChange } from '../../cohort/applyControl';
import { DEFAULT_CHOICE, type CohortChoice } from '../../cohort/cohortChoice';
import { fileStem } from '../../cohort/cohortLabels';
import { describeCohortCsvError, describeLoadFailure, type Words } from '../../cohort/cohortMessages';
import { atRiskCsv, coxCsv, groupsCsv, patientsCsv } from '../../cohort/cohortTables';
import { cohortView } from '../../cohort/cohortView';
import { readCohortCsv, type CohortTable } from '../../cohort/patientCsv';
import { assertNever } from '../../shared/assertNever';
import { CohortScreen, type CohortDownload, type CohortScreenState } from '../../ui/cohort/CohortScreen';
import { ReaderAgreement } from '../../ui/cohort/ReaderAgreement';
import { UpdateBanner } from '../../ui/UpdateBanner';
import { fetchBytes } from '../fetchBytes';
import { SAMPLE_BASE_URL } from '../loadSampleStudy';
import { useOfflineApp } from '../offline/useOfflineApp';
import { downloadBlob, downloadCsv, svgDocument, svgToPng } from './downloadFile';
import { useReaderAgreement } from './useReaderAgreement';
import { ReaderBar } from '../../ui/readers/ReaderBar';
import { useReaderSessionContext } from '../readers/readerSessionContext';

/** Served beside the sample study, and precached with it for offline use. */
export const DEMO_COHORT_URL = `${SAMPLE_BASE_URL}demo-cohort.csv`;
const DEMO_NAME = 'Demo cohort (synthetic, sample-dicom/demo-cohort.csv)';

type Load =
  | { readonly status: 'loading'; readonly what: string }
  | { readonly status: 'error'; readonly words: Words }
  | { readonly status: 'ready'; readonly source: string; readonly table: CohortTable };

export function CohortApp() {
  const offline = useOfflineApp();
  const session = useReaderSessionContext();
  const agreement = useReaderAgreement();
  const [load, setLoad] = useState<Load>({ status: 'loading', what: 'the demo cohort' });
  const [showingDemo, setShowingDemo] = useState(true);
  const [choice, setChoice] = useState<CohortChoice>(DEFAULT_CHOICE);
  const [downloadError, setDownloadError] = useState<Words | null>(null);
  const plotRef = useRef<SVGSVGElement>(null);
  // Only the latest load may update the screen: a file chosen while the demo loads wins over the demo.
  const latest = useRef<AbortController | null>(null);

  const begin = useCallback((what: string) => {
    latest.current?.abort();
    const controller = new AbortController();
    latest.current = controller;
    setLoad({ status: 'loading', what });
    setDownloadError(null);
    return controller.signal;
  }, []);

  const adopt = useCallback((signal: AbortSignal, source: string, file: string, text: string) => {
    if (signal.aborted) return;
    const table = readCohortCsv(text);
    if (!table.ok) return setLoad({ status: 'error', words: describeCohortCsvError(table.error, file) });
    setChoice((previous) => choiceForTable(table.value, previous));
    setLoad({ status: 'ready', source, table: table.value });
  }, []);

  const openDemo = useCallback(() => {
    const signal = begin('the demo cohort');
    setShowingDemo(true);
    fetchBytes(DEMO_COHORT_URL, signal).then((bytes) => {
      if (signal.aborted) return;
      if (!bytes.ok) return setLoad({ status: 'error', words: describeLoadFailure({ code: 'DEMO_UNAVAILABLE', detail: `${DEMO_COHORT_URL}: ${bytes.error}` }) });
      adopt(signal, DEMO_NAME, DEMO_COHORT_URL, new TextDecoder().decode(bytes.value));
    }, () => undefined /* aborted: a newer load or the screen closed */);
  }, [adopt, begin]);

  const openFile = useCallback((file: File) => {
    const signal = begin(file.name);
    setShowingDemo(false);
    file.text().then((text) => adopt(signal, file.name, file.name, text), (thrown: unknown) => {
      if (!signal.aborted) setLoad({ status: 'error', words: describeLoadFailure({ code: 'FILE_UNREADABLE', file: file.name, detail: String(thrown) }) });
    });
  }, [adopt, begin]);

  useEffect(() => {
    openDemo();
    return () => latest.current?.abort();
  }, [openDemo]);

  const view = useMemo(() => (load.status === 'ready' ? cohortView(load.table, choice) : null), [load, choice]);

  const onDownload = useCallback(async (what: CohortDownload) => {
    if (view === null || !view.result.ok) return;
    setDownloadError(null);
    const { analysis, plot } = view.result.value;
    const stem = fileStem(choice);
    const svg = plotRef.current;
    switch (what) {
      case 'svg':
        if (svg) downloadBlob(`${stem}-km.svg`, new Blob([svgDocument(svg)], { type: 'image/svg+xml' }));
        return;
      case 'png': {
        if (!svg || !plot) return;
        const png = await svgToPng(svgDocument(svg), plot.width, plot.height);
        if (png.ok) downloadBlob(`${stem}-km.png`, png.value);
        else setDownloadError(describeLoadFailure({ code: 'PNG_FAILED', detail: png.error }));
        return;
      }
      case 'groups':
        return downloadCsv(`${stem}-medians.csv`, groupsCsv(analysis));
      case 'cox':
        return downloadCsv(`${stem}-cox.csv`, coxCsv(analysis));
      case 'at-risk':
        if (plot) downloadCsv(`${stem}-at-risk.csv`, atRiskCsv(plot));
        return;
      case 'patients':
        return downloadCsv(`${stem}-patients.csv`, patientsCsv(analysis));
      default:
        return assertNever(what, 'download');
    }
  }, [view, choice]);

  const state: CohortScreenState =
    load.status === 'ready' && view !== null ? { status: 'ready', source: load.source, patients: load.table.rows.length, view }
      : load.status === 'ready' ? { status: 'loading', what: load.source }
        : load;
  return (
    <CohortScreen
      readerBar={<ReaderBar reader={session.reader} readers={session.readers.map((r) => r.name)} onReadAs={(name) => void session.readAs(name)} />}
      state={state}
      showingDemo={showingDemo && load.status !== 'error'}
      onOpenFile={openFile}
      onOpenDemo={openDemo}
      onControl={(change: ControlChange) => setChoice((c) => applyControl(c, change))}
      onDownload={(what) => void onDownload(what)}
      downloadError={downloadError}
      plotRef={plotRef}
      agreement={<ReaderAgreement {...agreement} />}
      banner={<UpdateBanner offlineReady={offline.offlineReady} updateReady={offline.updateReady} onUpdate={offline.applyUpdate} onDismiss={offline.dismiss} />}
    />
  );
}
