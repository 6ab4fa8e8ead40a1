// The cohort screen's "Reader agreement" section: which double read, the two readers, the progression-date window
// and the confirmation option; the kappa tables, the progression agreement and the discordant patients, and the
// report's downloads. It renders the AgreementView (src/cohort/agreementView.ts) and sends intents; reading the file
// and downloading live in src/app/cohort.
import type { AgreementChange, AgreementView, KappaRow } from '../../cohort/agreementView';
import { MAX_PROGRESSION_DAYS } from '../../cohort/agreementView';
import type { Words } from '../../cohort/cohortMessages';
import { FileButton } from '../export/FileButton';
import { WordsPanel } from './WordsPanel';

export type AgreementDownload = 'text' | 'json';

export type ReaderAgreementState =
  | { readonly status: 'empty' }
  | { readonly status: 'loading'; readonly what: string }
  | { readonly status: 'error'; readonly words: Words }
  | { readonly status: 'ready'; readonly source: string; readonly view: AgreementView };

export interface ReaderAgreementProps {
  readonly state: ReaderAgreementState;
  readonly onOpenFile: (file: File) => void;
  readonly onOpenDemo: () => void;
  readonly onChange: (change: AgreementChange) => void;
  readonly onDownload: (what: AgreementDownload) => void;
}

export function ReaderAgreement({ state, onOpenFile, onOpenDemo, onChange, onDownload }: ReaderAgreementProps) {
  return (
    <section className="cohort-agreement" aria-labelledby="reader-agreement-title" data-testid="reader-agreement">
      <h2 className="cohort-title" id="reader-agreement-title">Reader agreement</h2>
      <p className="cohort-note">
        Two readers' double read of the same patients: a measurement CSV with a <code>reader</code> column. Each patient is
        assessed per reader by the RECIST engine and the reads compared, as <code>recist agreement</code> does.
      </p>
      <div className="cohort-downloads">
        <FileButton label="Open two-reader CSV…" accept=".csv,text/csv" disabled={false} onFile={onOpenFile} testId="agreement-csv-input" />
        <button type="button" className="button" onClick={onOpenDemo}>Open the demo two-reader file</button>
      </div>
      {state.status === 'loading' && <p className="cohort-note" role="status">Reading {state.what}…</p>}
      {state.status === 'error' && <WordsPanel words={state.words} tone="error" testId="agreement-error" />}
      {state.status === 'ready' && <Agreement view={state.view} source={state.source} onChange={onChange} onDownload={onDownload} />}
    </section>
  );
}

function Agreement({ view, source, onChange, onDownload }: { readonly view: AgreementView; readonly source: string; readonly onChange: (change: AgreementChange) => void; readonly onDownload: (what: AgreementDownload) => void }) {
  const [a, b] = view.readers;
  return (
    <>
      <p className="cohort-source" data-testid="agreement-source">{source}</p>
      <div className="cohort-controls" role="group" aria-label="Agreement options">
        {view.readerSelects.map((select, which) => (
          <label className="cohort-control" key={which}>
            <span className="cohort-control__label">{which === 0 ? 'First reader' : 'Second reader'}</span>
            <select value={select.value} onChange={(e) => onChange({ control: 'reader', which: which === 0 ? 0 : 1, value: e.target.value })}>
              {select.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </label>
        ))}
        <label className="cohort-control">
          <span className="cohort-control__label">Progression dates agree within (days)</span>
          <input type="number" min={0} max={MAX_PROGRESSION_DAYS} step={1} value={view.progressionDays} onChange={(e) => onChange({ control: 'days', text: e.target.value })} />
        </label>
        <label className="cohort-control cohort-control--check">
          <input type="checkbox" checked={view.confirm} onChange={(e) => onChange({ control: 'confirm', value: e.target.checked })} />
          <span>Confirm CR and PR (a scan at least 28 days later)</span>
        </label>
      </div>
      <p className="cohort-test" data-testid="agreement-summary">{view.summary}</p>
      <section className="cohort-agreement__tables" aria-label="Agreement figures">
        <h3 className="cohort-subtitle">Overall response (CR, PR, SD, PD, NE)</h3>
        <KappaTable label="Agreement on the overall response" rows={view.responses} first="Time point" />
        <h3 className="cohort-subtitle">Progression</h3>
        <KappaTable label="Agreement on progression" rows={[view.progression]} first="" />
        <p className="cohort-note" data-testid="agreement-progression-date">{view.progressionDate}</p>
      </section>
      <section className="cohort-agreement__tables" aria-label="Discordant patients">
        <h3 className="cohort-subtitle">Discordant patients</h3>
        <p className="cohort-note" data-testid="agreement-discordant-summary">{view.discordantSummary}</p>
        {view.discordant.length > 0 && (
          <table className="cohort-table cohort-table--text" aria-label="Discordant patients" data-testid="agreement-discordant">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">First discordant time point</th>
                <th scope="col">Reader {a}</th>
                <th scope="col">Reader {b}</th>
                <th scope="col">Best response ({a} / {b})</th>
                <th scope="col">Progression ({a} / {b})</th>
              </tr>
            </thead>
            <tbody>
              {view.discordant.map((d) => (
                <tr key={d.patientId} data-patient={d.patientId}>
                  <th scope="row">{d.patientId}</th>
                  <td>{d.firstAt}</td>
                  <td>{d.first}</td>
                  <td>{d.second}</td>
                  <td>{d.bestResponse.join(' / ')}</td>
                  <td>{d.progression.join(' / ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {view.readByOneOnly && <p className="cohort-note">{view.readByOneOnly}</p>}
      </section>
      <div className="cohort-downloads" aria-label="Downloads">
        <button type="button" className="button" onClick={() => onDownload('text')}>Report (text)</button>
        <button type="button" className="button" onClick={() => onDownload('json')}>Report (JSON)</button>
      </div>
    </>
  );
}

function KappaTable({ label, rows, first }: { readonly label: string; readonly rows: readonly KappaRow[]; readonly first: string }) {
  return (
    <table className="cohort-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">n</th>
          <th scope="col">Agreement</th>
          <th scope="col">Cohen's kappa</th>
          <th scope="col">95 % CI</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.what} data-row={r.what}>
            <th scope="row">{r.what}</th>
            <td data-value="n">{r.n}</td>
            <td data-value="agreement">{r.agreement}</td>
            <td data-value="kappa">{r.kappa}</td>
            <td data-value="ci">{r.ci}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
