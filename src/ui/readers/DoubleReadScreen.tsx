// The double reads of this workstation: the patients set to double read (one id, or a cohort from a CSV file), where
// each stands, the adjudication list with each discordant patient's first discordant time point, the adjudication
// of the one chosen, and the downloads (adjudications for `recist assess --adjudication`, the patients for survival
// analysis on the adjudicated read). It renders and sends intents; the reads are gathered in src/app/readers.
import { useState, type ReactNode } from 'react';
import type { DoubleReadStatus } from '../../agreement/doubleReadStatus';
import { FileButton } from '../export/FileButton';
import { statusWords } from './doubleReadWords';

export interface DoubleReadRow {
  readonly patientId: string;
  readonly status: DoubleReadStatus;
}

export interface DoubleReadScreenProps {
  readonly reader: string | undefined;
  readonly readerBar: ReactNode;
  readonly rows: readonly DoubleReadRow[] | undefined;
  /** What the last action did or why it was refused, in words. */
  readonly message: { readonly tone: 'info' | 'error'; readonly text: string } | undefined;
  readonly selected: string | undefined;
  readonly onSelect: (patientId: string) => void;
  readonly onAdd: (patientIds: readonly string[]) => void;
  readonly onAddFile: (file: File) => void;
  readonly onRemove: (patientId: string) => void;
  readonly onDownload: (what: 'adjudications' | 'patients' | 'measurements') => void;
  /** Progression dates this many days apart or fewer agree. */
  readonly days: number;
  readonly onDays: (days: number) => void;
  /** The adjudication of the selected patient, when its reads can be compared. */
  readonly adjudication: ReactNode;
}

const ORDER: Record<DoubleReadStatus['kind'], number> = { discordant: 0, waiting: 1, adjudicated: 2, concordant: 3 };

export function DoubleReadScreen(props: DoubleReadScreenProps) {
  const { rows, message, selected, onSelect, onAdd, onAddFile, onRemove, onDownload, adjudication, readerBar, days, onDays } = props;
  const [typed, setTyped] = useState('');
  const sorted = rows && [...rows].sort((a, b) => ORDER[a.status.kind] - ORDER[b.status.kind] || a.patientId.localeCompare(b.patientId));
  const toAdjudicate = rows?.filter((r) => r.status.kind === 'discordant').length ?? 0;
  return (
    <div className="double-read-screen">
      <header className="title-bar">
        <h1 className="title-bar__title">recist-reader</h1>
        <span className="title-bar__subtitle">Double reads and adjudication</span>
        {readerBar}
        <span className="title-bar__spacer" />
        <a className="button" href="#">Back to reading</a>
        <button type="button" className="button" onClick={() => onDownload('measurements')}>All readers' measurements CSV</button>
        <button type="button" className="button" onClick={() => onDownload('adjudications')}>Adjudications CSV</button>
        <button type="button" className="button" onClick={() => onDownload('patients')}>Patients for survival (adjudicated) CSV</button>
      </header>
      <main className="double-read-main">
        <form className="double-read-add" onSubmit={(e) => {
          e.preventDefault();
          const ids = typed.split(/[\s,;]+/).filter((id) => id !== '');
          if (ids.length > 0) { onAdd(ids); setTyped(''); }
        }}>
          <label>
            Set to double read: patient id
            <input type="text" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="e.g. RECIST-DEMO-001" />
          </label>
          <button type="submit" className="button" disabled={typed.trim() === ''}>Add</button>
          <FileButton label="A cohort from a CSV of patient ids…" accept=".csv,text/csv,text/plain" disabled={false} onFile={onAddFile} testId="double-read-csv-input" />
        </form>
        <label className="double-read-days">
          Progression dates agree within
          <input type="number" min={0} max={3650} step={1} value={days} onChange={(e) => {
            const next = Number(e.target.value);
            if (Number.isInteger(next) && next >= 0) onDays(next);
          }} />
          days
        </label>
        <p className="double-read-note">
          Each reader reads a double-read patient under their own name (Switch reader), from the baseline images, blind
          to the other read. When both reads are signed off they are compared; a discordant patient waits here for a third
          reader to adjudicate.
        </p>
        {message && <p className={`double-read-message double-read-message--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</p>}
        {sorted === undefined ? <p role="status">Reading the double reads…</p> : sorted.length === 0 ? (
          <p className="double-read-note">No patient is set to double read on this workstation.</p>
        ) : (
          <>
            <h2 className="double-read-heading">{sorted.length} patient{sorted.length === 1 ? '' : 's'} in double read; {toAdjudicate} to adjudicate</h2>
            <table className="double-read-table" aria-label="Double reads">
              <thead><tr><th scope="col">Patient</th><th scope="col">Standing</th><th scope="col" /></tr></thead>
              <tbody>
                {sorted.map((row) => (
                  <tr key={row.patientId} data-patient={row.patientId} data-status={row.status.kind} aria-selected={row.patientId === selected}>
                    <th scope="row">{row.patientId}</th>
                    <td>{statusWords(row.status)}</td>
                    <td>
                      {row.status.kind !== 'waiting' && (
                        <button type="button" className="button button--small" onClick={() => onSelect(row.patientId)}>
                          {row.status.kind === 'discordant' ? 'Adjudicate' : 'Compare'}
                        </button>
                      )}
                      {row.status.kind !== 'adjudicated' && (
                        <button type="button" className="button button--small" onClick={() => onRemove(row.patientId)}>Single read</button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {adjudication}
      </main>
    </div>
  );
}
