// Composition root of the double-read screen (#double-read): reads the workstation's double-read list and
// adjudications, gathers each patient's reads from every reader's record, and carries out the intents (set to
// double read, adjudicate, withdraw, the downloads).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { endpointRead } from '../../agreement/endpointRead';
import { readPatientIdList } from '../../agreement/patientIdList';
import { adjudicatedSurvivalFile } from '../../export/adjudicatedSurvival';
import { csvText, DEFAULT_CSV_FORMAT } from '../../export/csvFormat';
import { downloadExportFile } from '../../export/download';
import { listAdjudications, setDoubleRead, unsetDoubleRead } from '../../store/readerRegistry';
import type { AdjudicationEntry } from '../../store/workstation';
import { describeStoreError } from '../../ui/messages';
import { AdjudicationPanel } from '../../ui/readers/AdjudicationPanel';
import { DoubleReadScreen } from '../../ui/readers/DoubleReadScreen';
import { ReaderBar } from '../../ui/readers/ReaderBar';
import { allReaderRecords } from './readerReads';
import { allReadersMeasurements } from './allReadersMeasurements';
import { rememberDiscordanceDays, rememberedDiscordanceDays } from './discordanceDays';
import { readDoubleReads, useAdjudicationIntents, type PatientDoubleRead } from './usePatientDoubleRead';
import { useReaderSessionContext } from './readerSessionContext';

type Message = { readonly tone: 'info' | 'error'; readonly text: string } | undefined;

export function DoubleReadApp() {
  const session = useReaderSessionContext();
  const ws = session.workstation;
  const [rows, setRows] = useState<readonly PatientDoubleRead[] | undefined>(undefined);
  const [adjudications, setAdjudications] = useState<readonly AdjudicationEntry[]>([]);
  const [message, setMessage] = useState<Message>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const [days, setDays] = useState(rememberedDiscordanceDays);
  const onDays = useCallback((next: number) => { rememberDiscordanceDays(next); setDays(next); }, []);

  useEffect(() => {
    if (!ws) return undefined;
    let live = true;
    Promise.all([readDoubleReads(session, undefined, { progressionDays: days }), listAdjudications(ws)]).then(([read, adjudicated]) => {
      if (!live) return;
      setRows(read);
      if (adjudicated.ok) setAdjudications(adjudicated.value);
    }, (thrown: unknown) => {
      if (live) setMessage({ tone: 'error', text: `The double-read list could not be read. ${thrown instanceof Error ? thrown.message : String(thrown)}` });
    });
    // Another reader may sign off in another tab: the list is read again when this one comes back into view.
    const again = () => { if (document.visibilityState === 'visible') reload(); };
    document.addEventListener('visibilitychange', again);
    return () => { live = false; document.removeEventListener('visibilitychange', again); };
  }, [ws, session, generation, reload, days]);

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

  const row = rows?.find((r) => r.patientId === selected);
  const decided = useCallback((words: string) => { setMessage({ tone: 'info', text: words }); reload(); }, [reload]);
  const { onAdjudicate, onWithdraw, problem } = useAdjudicationIntents(session, row, decided);

  const onDownload = useCallback((what: 'adjudications' | 'patients' | 'measurements') => {
    if (!rows) return;
    if (what === 'measurements') {
      void allReadersMeasurements(session.readers).then(downloadExportFile);
      return;
    }
    if (what === 'adjudications') {
      const lines = [...adjudications].sort((a, b) => a.patientId.localeCompare(b.patientId))
        .map((a) => [a.patientId, a.chosenReader, a.adjudicator, a.reason, a.at, a.readers[0], a.readers[1]]);
      const text = csvText(['patient_id', 'chosen_reader', 'adjudicator', 'reason', 'adjudicated_at', 'reader_1', 'reader_2'], lines, DEFAULT_CSV_FORMAT);
      downloadExportFile({ kind: 'patients', filename: 'recist-adjudications.csv', text, rows: lines.length });
      return;
    }
    const chosen = new Map(adjudications.map((a) => [a.patientId, a]));
    void allReaderRecords(session.readers).then((byPatient) => {
      const doubleRead = new Set(rows.map((r) => r.patientId));
      const patients = [...new Set([...byPatient.keys(), ...doubleRead])].map((patientId) => {
        const reads = byPatient.get(patientId) ?? [];
        const endpoint = endpointRead(reads, doubleRead.has(patientId), chosen.get(patientId), session.reader);
        return { patientId, endpoint, tracked: reads.find((r) => r.reader === endpoint.reader)?.tracked };
      });
      downloadExportFile(adjudicatedSurvivalFile(patients, DEFAULT_CSV_FORMAT));
    });
  }, [rows, adjudications, session.readers, session.reader]);

  const adjudication = useMemo(() => {
    if (!row || row.status.kind === 'waiting') return null;
    return (
      <AdjudicationPanel
        key={row.patientId}
        patientId={row.patientId}
        status={row.status}
        reads={row.status.comparison.readers.map((name) => row.reads.find((r) => r.reader === name)?.assessment)}
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
      rows={rows}
      message={message}
      selected={selected}
      onSelect={setSelected}
      onAdd={add}
      onAddFile={addFile}
      onRemove={remove}
      onDownload={onDownload}
      days={days}
      onDays={onDays}
      adjudication={adjudication}
    />
  );
}
