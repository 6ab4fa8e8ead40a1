// Composition root of the double-read screen (#double-read): reads the workstation's double-read list and
// adjudications, gathers each patient's reads from every reader's record, and carries out the intents (set to
// double read, adjudicate, withdraw, the downloads).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { doubleReadStatus } from '../../agreement/doubleReadStatus';
import { endpointRead } from '../../agreement/endpointRead';
import { readPatientIdList } from '../../agreement/patientIdList';
import { adjudicatedSurvivalFile } from '../../export/adjudicatedSurvival';
import { csvText, DEFAULT_CSV_FORMAT } from '../../export/csvFormat';
import { downloadExportFile } from '../../export/download';
import {
  adjudicate, listAdjudications, listDoubleReads, setDoubleRead, unsetDoubleRead, withdrawAdjudication,
} from '../../store/readerRegistry';
import type { AdjudicationEntry } from '../../store/workstation';
import { describeStoreError } from '../../ui/messages';
import { AdjudicationPanel } from '../../ui/readers/AdjudicationPanel';
import { DoubleReadScreen, type DoubleReadRow } from '../../ui/readers/DoubleReadScreen';
import { ReaderBar } from '../../ui/readers/ReaderBar';
import { allReaderRecords, readerRecords, type ReaderRecord } from './readerReads';
import { useReaderSessionContext } from './readerSessionContext';

type Message = { readonly tone: 'info' | 'error'; readonly text: string } | undefined;

interface Loaded {
  readonly rows: readonly (DoubleReadRow & { readonly reads: readonly ReaderRecord[] })[];
  readonly adjudications: ReadonlyMap<string, AdjudicationEntry>;
}

export function DoubleReadApp() {
  const session = useReaderSessionContext();
  const ws = session.workstation;
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [message, setMessage] = useState<Message>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    if (!ws) return undefined;
    let live = true;
    void (async () => {
      const [list, adjudicated] = await Promise.all([listDoubleReads(ws), listAdjudications(ws)]);
      if (!list.ok || !adjudicated.ok) {
        const error = !list.ok ? list.error : !adjudicated.ok ? adjudicated.error : undefined;
        if (live && error) setMessage({ tone: 'error', text: `The double-read list could not be read. ${describeStoreError(error)}` });
        return;
      }
      const adjudications = new Map(adjudicated.value.map((a) => [a.patientId, a]));
      const rows = await Promise.all(list.value.map(async ({ patientId }) => {
        const reads = await readerRecords(session.readers, patientId);
        return { patientId, reads, status: doubleReadStatus(reads, adjudications.get(patientId)) };
      }));
      if (live) setLoaded({ rows, adjudications });
    })();
    // Another reader may sign off in another tab: the list is read again when this one comes back into view.
    const again = () => { if (document.visibilityState === 'visible') reload(); };
    document.addEventListener('visibilitychange', again);
    return () => { live = false; document.removeEventListener('visibilitychange', again); };
  }, [ws, session.readers, generation, reload]);

  const add = useCallback((ids: readonly string[]) => {
    if (!ws) return;
    void setDoubleRead(ws, ids).then((added) => {
      if (!added.ok) return setMessage({ tone: 'error', text: `Not set to double read. ${describeStoreError(added.error)}` });
      setMessage({ tone: 'info', text: `${ids.length} patient${ids.length === 1 ? '' : 's'} set to double read (${added.value} new).` });
      reload();
    });
  }, [ws, reload]);

  const addFile = useCallback((file: File) => {
    void file.text().then((text) => {
      const list = readPatientIdList(text);
      if (!list.ok) return setMessage({ tone: 'error', text: `${file.name}: ${list.message}. Nothing was set to double read.` });
      add(list.ids);
    });
  }, [add]);

  const remove = useCallback((patientId: string) => {
    if (!ws) return;
    void unsetDoubleRead(ws, patientId).then((done) => {
      setMessage(done.ok ? { tone: 'info', text: `${patientId} is read once again; every reader's read of it is kept.` } : { tone: 'error', text: describeStoreError(done.error) });
      reload();
    });
  }, [ws, reload]);

  const row = loaded?.rows.find((r) => r.patientId === selected);
  const onAdjudicate = useCallback((chosenReader: string, reason: string) => {
    if (!ws || !row || row.status.kind !== 'discordant' || !session.reader) return;
    void adjudicate(ws, { patientId: row.patientId, readers: row.status.comparison.readers, chosenReader, adjudicator: session.reader, reason }).then((done) => {
      if (!done.ok) return setProblem(`Not adjudicated. ${describeStoreError(done.error)}`);
      setProblem(undefined);
      setMessage({ tone: 'info', text: `${row.patientId}: ${chosenReader}'s read chosen by ${session.reader}.` });
      reload();
    });
  }, [ws, row, session.reader, reload]);

  const onWithdraw = useCallback(() => {
    if (!ws || !row) return;
    void withdrawAdjudication(ws, row.patientId).then((done) => {
      setMessage(done.ok ? { tone: 'info', text: `The adjudication of ${row.patientId} is withdrawn.` } : { tone: 'error', text: describeStoreError(done.error) });
      reload();
    });
  }, [ws, row, reload]);

  const onDownload = useCallback((what: 'adjudications' | 'patients') => {
    if (!loaded) return;
    if (what === 'adjudications') {
      const rows = [...loaded.adjudications.values()].sort((a, b) => a.patientId.localeCompare(b.patientId))
        .map((a) => [a.patientId, a.chosenReader, a.adjudicator, a.reason, a.at, a.readers[0], a.readers[1]]);
      const text = csvText(['patient_id', 'chosen_reader', 'adjudicator', 'reason', 'adjudicated_at', 'reader_1', 'reader_2'], rows, DEFAULT_CSV_FORMAT);
      downloadExportFile({ kind: 'patients', filename: 'recist-adjudications.csv', text, rows: rows.length });
      return;
    }
    void allReaderRecords(session.readers).then((byPatient) => {
      const doubleRead = new Set(loaded.rows.map((r) => r.patientId));
      const patients = [...new Set([...byPatient.keys(), ...doubleRead])].map((patientId) => {
        const reads = byPatient.get(patientId) ?? [];
        const endpoint = endpointRead(reads, doubleRead.has(patientId), loaded.adjudications.get(patientId), session.reader);
        return { patientId, endpoint, tracked: reads.find((r) => r.reader === endpoint.reader)?.tracked };
      });
      downloadExportFile(adjudicatedSurvivalFile(patients, DEFAULT_CSV_FORMAT));
    });
  }, [loaded, session.readers, session.reader]);

  const adjudication = useMemo(() => {
    if (!row || row.status.kind === 'waiting') return null;
    const readers = row.status.comparison.readers;
    const reads = readers.map((name) => row.reads.find((r) => r.reader === name)?.assessment);
    return (
      <AdjudicationPanel
        key={row.patientId}
        patientId={row.patientId}
        status={row.status}
        reads={reads}
        reader={session.reader}
        onAdjudicate={onAdjudicate}
        onWithdraw={onWithdraw}
        problem={problem}
      />
    );
  }, [row, session.reader, onAdjudicate, onWithdraw, problem]);

  if (!ws) {
    return <p className="double-read-note" role="alert">This browser keeps no workstation database (storage is off), so double reads cannot be kept here.</p>;
  }
  return (
    <DoubleReadScreen
      reader={session.reader}
      readerBar={<ReaderBar reader={session.reader} readers={session.readers.map((r) => r.name)} onReadAs={(name) => void session.readAs(name)} />}
      rows={loaded?.rows}
      message={message}
      selected={selected}
      onSelect={(id) => { setSelected(id); setProblem(undefined); }}
      onAdd={add}
      onAddFile={addFile}
      onRemove={remove}
      onDownload={onDownload}
      adjudication={adjudication}
    />
  );
}
