// The PACS beside the local studies: where it is (kept in this browser), a search, its studies and CT series to
// open in the same viewer as local files, the reports waiting for it, and reads that differ between here and there.
import { useState } from 'react';
import { PacsOutbox } from './PacsOutbox';
import { PacsResults } from './PacsResults';
import { PacsSearchForm } from './PacsSearchForm';
import type { PacsPanelProps } from './pacsView';
import './pacs.css';

/** Folded, the search and its results give the local studies the room; what waits for the reader stays in view. */
const FOLDED_KEY = 'recist-reader:pacs-folded';

function readFolded(): boolean {
  try {
    return localStorage.getItem(FOLDED_KEY) === 'true';
  } catch {
    return false;
  }
}

export function PacsPanel(props: PacsPanelProps) {
  const { search, retrieve, conflicts } = props;
  const [editing, setEditing] = useState(false);
  const [address, setAddress] = useState(props.baseUrl);
  const [folded, setFolded] = useState(readFolded);
  const fold = (next: boolean) => {
    setFolded(next);
    try {
      localStorage.setItem(FOLDED_KEY, String(next));
    } catch {
      // Storage refused: folded for this page only.
    }
  };
  return (
    <section className="pacs-panel" aria-label="PACS" data-testid="pacs-panel">
      <h2 className="sidebar__heading">
        <button type="button" className="pacs-panel__fold" aria-expanded={!folded} onClick={() => fold(!folded)} title={folded ? 'Show the PACS search' : 'Hide the PACS search'}>
          <span aria-hidden="true">{folded ? '▸' : '▾'}</span> PACS
        </button>
      </h2>
      {!folded && <>
      <details className="pacs-panel__settings" open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
        <summary>PACS settings</summary>
        <form onSubmit={(e) => {
          e.preventDefault();
          props.onBaseUrlChange(address);
          setEditing(false);
        }}>
          <label className="pacs-form__field">
            <span>DICOMweb address</span>
            <input type="url" value={address} onChange={(e) => setAddress(e.target.value)} />
          </label>
          <button type="submit" className="button">Save address</button>
        </form>
      </details>
      <PacsSearchForm onSearch={props.onSearch} busy={search.kind === 'searching'} />
      {search.kind === 'failed' && (
        <div className="pacs-panel__error" role="alert" data-testid="pacs-error">
          {search.message}
          <div className="study-browser__dim">{search.detail}</div>
        </div>
      )}
      {search.kind === 'found' && (
        <PacsResults studies={search.studies} opened={props.opened} busy={retrieve.kind === 'retrieving'} onOpenSeries={props.onOpenSeries} />
      )}
      </>}
      {retrieve.kind === 'retrieving' && (
        <p role="status" className="pacs-panel__progress">
          Retrieving {retrieve.what}: {retrieve.done} of {retrieve.total} images
          <progress max={retrieve.total} value={retrieve.done} />
        </p>
      )}
      {retrieve.kind === 'failed' && (
        <div className="pacs-panel__error" role="alert" data-testid="pacs-retrieve-error">
          {retrieve.what} could not be retrieved. {retrieve.message}
          <div className="study-browser__dim">{retrieve.detail}</div>
        </div>
      )}
      {props.readBack && <p role="status" className="pacs-panel__readback" data-testid="pacs-readback">{props.readBack}</p>}
      {conflicts.map((c) => (
        <div key={c.studyInstanceUid} className="pacs-panel__conflict" role="group" aria-label={`Two reads of ${c.what}`} data-testid="pacs-conflict">
          <p><strong>{c.what}</strong> was read differently here and in the PACS. Nothing was changed: choose the read to keep.</p>
          <p>In this browser: {c.local}</p>
          <p>In the PACS: {c.pacs}</p>
          <button type="button" className="button" onClick={() => props.onChooseRead(c.studyInstanceUid, 'local')}>Keep this browser's read</button>
          <button type="button" className="button" onClick={() => props.onChooseRead(c.studyInstanceUid, 'pacs')}>Use the PACS read</button>
        </div>
      ))}
      {props.reportNotice && <p className="pacs-panel__error" role="alert" data-testid="pacs-report-notice">{props.reportNotice}</p>}
      <PacsOutbox outbox={props.outbox} onSend={props.onSendOutbox} sending={props.sending} />
    </section>
  );
}
