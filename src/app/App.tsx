// Composition root: loads the embedded baseline on start, or the user's files on request, into the reading screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadError } from '../dicom/loadError';
import type { Result } from '../shared/result';
import { ReadingScreen } from '../ui/ReadingScreen';
import type { LoadedSeries, ScreenState } from '../ui/screenState';
import { loadSampleStudy } from './loadSampleStudy';
import { openLocalFiles } from './openLocalFiles';

const SAMPLE_STUDY = { folder: 'baseline', label: 'sample baseline CT' } as const;

export function App() {
  const [state, setState] = useState<ScreenState>({
    status: 'loading', progress: { what: SAMPLE_STUDY.label, done: 0, total: undefined },
  });
  const [openCount, setOpenCount] = useState(0);
  // Only the latest load may update the screen: opening files while the sample loads wins over the sample.
  const currentLoad = useRef<AbortController | null>(null);

  const run = useCallback((what: string, load: (signal: AbortSignal, progress: (done: number, total: number) => void) =>
    Promise<Result<LoadedSeries, LoadError>>) => {
    currentLoad.current?.abort();
    const controller = new AbortController();
    currentLoad.current = controller;
    setState({ status: 'loading', progress: { what, done: 0, total: undefined } });
    const progress = (done: number, total: number) => {
      if (!controller.signal.aborted) setState({ status: 'loading', progress: { what, done, total } });
    };
    load(controller.signal, progress).then((result) => {
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'ready', loaded: result.value } : { status: 'error', error: result.error });
      setOpenCount((n) => n + 1);
    }, (thrown: unknown) => {
      if (controller.signal.aborted) return; // superseded or unmounted: not an error
      throw thrown;
    });
    return controller;
  }, []);

  const loadSample = useCallback(() => run(SAMPLE_STUDY.label, (signal, onProgress) =>
    loadSampleStudy({ folder: SAMPLE_STUDY.folder, signal, onProgress })), [run]);

  useEffect(() => {
    const controller = loadSample();
    return () => controller.abort();
  }, [loadSample]);

  const onOpenFiles = useCallback((files: File[]) => {
    run(`${files.length} chosen file${files.length === 1 ? '' : 's'}`, () => openLocalFiles(files));
  }, [run]);

  return <ReadingScreen state={state} openCount={openCount} onOpenFiles={onOpenFiles} onRetry={loadSample} />;
}
