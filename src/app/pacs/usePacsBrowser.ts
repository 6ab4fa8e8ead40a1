// The PACS panel's search and open: QIDO-RS for studies and their CT series, WADO-RS for the series chosen, and the
// files handed to the same import as picked files. Series opened for one patient stay at hand, so opening the
// follow-up after the baseline shows both side by side (as a folder with both studies would).
import { useCallback, useRef, useState } from 'react';
import type { PacsClient } from '../../pacs/pacsClient';
import type { PacsSeries, PacsStudy, StudySearch } from '../../pacs/pacsTypes';
import { describePacsError } from '../../ui/pacs/pacsMessages';
import type { PacsRetrieveState, PacsSearchState, PacsStudyView } from '../../ui/pacs/pacsView';
import { markFilesChosen } from '../loading/loadMarks';
import type { NamedBlob } from '../loading/workerProtocol';
import { drawnOrLater } from '../loading/drawnOrLater';
import { retrieveSeries } from './retrieveSeries';

/** The longest the series request waits for the first slice to be drawn (an import that shows nothing). */
const FIRST_DRAW_WAIT_MS = 1000;

/** Puts files in the viewer as the user's own (the App's openFiles). */
export type OpenPacsFiles = (what: string, files: readonly NamedBlob[]) => void;

export interface PacsBrowser {
  readonly search: PacsSearchState;
  readonly retrieve: PacsRetrieveState;
  readonly opened: ReadonlySet<string>;
  readonly onSearch: (search: StudySearch) => void;
  readonly onOpenSeries: (series: PacsSeries, study: PacsStudy) => void;
}

interface Retrieved {
  readonly patientId: string;
  readonly files: readonly NamedBlob[];
}

export function usePacsBrowser(client: PacsClient, openFiles: OpenPacsFiles, onOpened: (study: PacsStudy) => void): PacsBrowser {
  const [search, setSearch] = useState<PacsSearchState>({ kind: 'idle' });
  const [retrieve, setRetrieve] = useState<PacsRetrieveState>({ kind: 'idle' });
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const searching = useRef<AbortController | null>(null);
  const retrieving = useRef<AbortController | null>(null);
  const retrieved = useRef(new Map<string, Retrieved>());

  const onSearch = useCallback((query: StudySearch) => {
    searching.current?.abort();
    const controller = new AbortController();
    searching.current = controller;
    setSearch({ kind: 'searching' });
    const live = () => !controller.signal.aborted;
    void client.searchStudies(query, { signal: controller.signal }).then(async (found) => {
      if (!live()) return;
      if (!found.ok) {
        setSearch({ kind: 'failed', ...describePacsError(found.error) });
        return;
      }
      let views: PacsStudyView[] = found.value.map((study) => ({ study, series: undefined }));
      setSearch({ kind: 'found', studies: views });
      // The series of each study, one study after the other (a search finds a few studies; each is one request).
      for (const study of found.value) {
        const series = await client.seriesOf(study.studyInstanceUid, { signal: controller.signal });
        if (!live()) return;
        views = views.map((v) => (v.study !== study ? v : series.ok
          ? { study, series: series.value.filter((s) => s.modality === 'CT') }
          : { study, series: undefined, seriesError: describePacsError(series.error).message }));
        setSearch({ kind: 'found', studies: views });
      }
    }, (thrown: unknown) => {
      if (live()) throw thrown;
    });
  }, [client]);

  const onOpenSeries = useCallback((series: PacsSeries, study: PacsStudy) => {
    retrieving.current?.abort();
    const controller = new AbortController();
    retrieving.current = controller;
    markFilesChosen();
    const what = `${study.date ?? 'undated study'} ${series.description || 'series'}`;
    setRetrieve({ kind: 'retrieving', what, done: 0, total: series.instanceCount ?? 0 });
    const onProgress = (done: number, total: number) => {
      if (!controller.signal.aborted) setRetrieve({ kind: 'retrieving', what, done, total });
    };
    // Another patient: the series at hand were someone else's.
    for (const [uid, kept] of retrieved.current) if (kept.patientId !== study.patientId) retrieved.current.delete(uid);
    const others = () => [...retrieved.current].filter(([uid]) => uid !== series.seriesInstanceUid).flatMap(([, r]) => r.files);
    // The first slice on screen while the rest comes (the series then opens whole, at the same slice); the rest is
    // asked for once it is drawn.
    const onFirst = (file: NamedBlob) => {
      if (controller.signal.aborted) return undefined;
      const drawn = drawnOrLater((slice) => slice.file === file.name, FIRST_DRAW_WAIT_MS);
      openFiles(`${what} from the PACS`, [...others(), file]);
      return drawn;
    };
    void retrieveSeries(client, series, { signal: controller.signal, onProgress, onFirst }).then((files) => {
      if (controller.signal.aborted) return;
      if (!files.ok) {
        setRetrieve({ kind: 'failed', what, ...describePacsError(files.error) });
        return;
      }
      retrieved.current.set(series.seriesInstanceUid, { patientId: study.patientId, files: files.value });
      setOpened(new Set(retrieved.current.keys()));
      setRetrieve({ kind: 'idle' });
      // For the bench: the whole series is here; its series-ready mark is the next one.
      performance.mark('recist:pacs-series-retrieved');
      const all = [...retrieved.current.values()].flatMap((r) => r.files);
      openFiles(retrieved.current.size > 1 ? `${retrieved.current.size} series from the PACS` : `${what} from the PACS`, all);
      onOpened(study);
    }, (thrown: unknown) => {
      if (!controller.signal.aborted) throw thrown;
    });
  }, [client, openFiles, onOpened]);

  return { search, retrieve, opened, onSearch, onOpenSeries };
}
