// The cohort screen's reader agreement, wired: reads a double read (a chosen file or the demo), keeps the readers,
// window and confirmation chosen, builds the view (src/cohort/agreementView.ts) and downloads the report.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeDemoReadsUnavailable } from '../../cohort/agreementMessages';
import { agreementView, applyAgreementChange, DEFAULT_AGREEMENT_CHOICE, type AgreementChange, type AgreementChoice, type MeasurementRead } from '../../cohort/agreementView';
import { describeLoadFailure, type Words } from '../../cohort/cohortMessages';
import { readMeasurementCsv } from '../../export/readMeasurementCsv';
import { assertNever } from '../../shared/assertNever';
import type { AgreementDownload, ReaderAgreementProps, ReaderAgreementState } from '../../ui/cohort/ReaderAgreement';
import { fetchBytes } from '../fetchBytes';
import { SAMPLE_BASE_URL } from '../loadSampleStudy';
import { downloadBlob } from './downloadFile';

/** Served beside the sample study, and precached with it for offline use (vite.config.ts). */
export const DEMO_TWO_READERS_URL = `${SAMPLE_BASE_URL}demo-two-readers.csv`;
const DEMO_NAME = 'Demo double read (synthetic, sample-dicom/demo-two-readers.csv)';

type Load =
  | { readonly status: 'empty' }
  | { readonly status: 'loading'; readonly what: string }
  | { readonly status: 'error'; readonly words: Words }
  | { readonly status: 'ready'; readonly source: string; readonly file: string; readonly read: MeasurementRead };

export function useReaderAgreement(): ReaderAgreementProps {
  const [load, setLoad] = useState<Load>({ status: 'empty' });
  const [choice, setChoice] = useState<AgreementChoice>(DEFAULT_AGREEMENT_CHOICE);
  // Only the latest file may fill the section: one chosen while the demo loads wins over the demo.
  const latest = useRef<AbortController | null>(null);
  useEffect(() => () => latest.current?.abort(), []);

  const begin = useCallback((what: string) => {
    latest.current?.abort();
    const controller = new AbortController();
    latest.current = controller;
    setLoad({ status: 'loading', what });
    return controller.signal;
  }, []);

  const adopt = useCallback((signal: AbortSignal, source: string, file: string, text: string) => {
    if (signal.aborted) return;
    // A new file: its own readers, and the options back to their defaults, as the command starts from them.
    setChoice(DEFAULT_AGREEMENT_CHOICE);
    setLoad({ status: 'ready', source, file, read: readMeasurementCsv(text) });
  }, []);

  const onOpenFile = useCallback((file: File) => {
    const signal = begin(file.name);
    file.text().then((text) => adopt(signal, file.name, file.name, text), (thrown: unknown) => {
      if (!signal.aborted) setLoad({ status: 'error', words: describeLoadFailure({ code: 'FILE_UNREADABLE', file: file.name, detail: String(thrown) }) });
    });
  }, [adopt, begin]);

  const onOpenDemo = useCallback(() => {
    const signal = begin('the demo two-reader file');
    fetchBytes(DEMO_TWO_READERS_URL, signal).then((bytes) => {
      if (signal.aborted) return;
      if (!bytes.ok) return setLoad({ status: 'error', words: describeDemoReadsUnavailable(`${DEMO_TWO_READERS_URL}: ${bytes.error}`) });
      adopt(signal, DEMO_NAME, 'demo-two-readers.csv', new TextDecoder().decode(bytes.value));
    }, () => undefined /* aborted: a newer file or the screen closed */);
  }, [adopt, begin]);

  const state = useMemo((): ReaderAgreementState => {
    if (load.status !== 'ready') return load;
    const view = agreementView(load.read, load.file, choice);
    return view.ok ? { status: 'ready', source: load.source, view: view.value } : { status: 'error', words: view.error };
  }, [load, choice]);

  const shown = state.status === 'ready' ? state.view.readers : null;
  const onChange = useCallback((change: AgreementChange) => {
    if (shown !== null) setChoice((c) => applyAgreementChange(c, change, shown));
  }, [shown]);

  const onDownload = useCallback((what: AgreementDownload) => {
    if (state.status !== 'ready') return;
    const { text, json, fileStem } = state.view;
    switch (what) {
      case 'text':
        return downloadBlob(`${fileStem}.txt`, new Blob([text], { type: 'text/plain;charset=utf-8' }));
      case 'json':
        return downloadBlob(`${fileStem}.json`, new Blob([json], { type: 'application/json' }));
      default:
        return assertNever(what, 'agreement download');
    }
  }, [state]);

  return { state, onOpenFile, onOpenDemo, onChange, onDownload };
}
