// The title bar's "Export…" button and its dialog: the three CSV files for analysis (with de-identification and the
// landmark), the study key, backup and restore of the whole database, the imports (measurements from another
// workstation, clinical data), and the clinical-data form of the patient on screen. It renders and asks; the app
// (app/export) does the work and reports back. A native modal <dialog>, as the help panel: focus stays inside, Esc
// closes it, and the viewer's keys leave it alone.
import { useId, useRef, useState } from 'react';
import type { LineEnding } from '../../export/csvFormat';
import { ClinicalDataForm } from './ClinicalDataForm';
import { DEFAULT_EXPORT_CHOICES, type ExportChoices, type ExportMenuActions } from './exportChoices';
import { FileButton } from './FileButton';
import './export.css';

const lineEndingOf = (value: string): LineEnding => (value === 'crlf' ? 'crlf' : 'lf');

export interface ExportMenuProps {
  /** Undefined while the database is not open (or cannot be): the button is shown, disabled. */
  readonly actions: ExportMenuActions | undefined;
}

export function ExportMenu({ actions }: ExportMenuProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [view, setView] = useState<'menu' | 'clinical'>('menu');
  const [choices, setChoices] = useState<ExportChoices>(DEFAULT_EXPORT_CHOICES);
  const [includeImages, setIncludeImages] = useState(false);
  const [landmarkText, setLandmarkText] = useState(String(DEFAULT_EXPORT_CHOICES.landmarkDays));

  if (actions === undefined) {
    return <button type="button" className="button" disabled title="The record's database is not open">Export…</button>;
  }
  const { busy, report, patient } = actions;
  const landmarkValid = /^\d{1,4}$/.test(landmarkText);
  const set = (change: Partial<ExportChoices>) => setChoices((c) => ({ ...c, ...change }));
  const setFormat = (change: Partial<ExportChoices['format']>) => setChoices((c) => ({ ...c, format: { ...c.format, ...change } }));

  const restore = (file: File) => {
    if (window.confirm(`Replace everything recorded in this browser with the backup "${file.name}"? What is recorded now and not in the backup will be lost; make a backup first if unsure.`)) {
      actions.restore(file);
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => { setView('menu'); dialog.current?.showModal(); }}>Export…</button>
      <dialog
        ref={dialog}
        className="help-panel export-menu"
        aria-labelledby={titleId}
        onClick={(event) => { if (event.target === event.currentTarget) event.currentTarget.close(); }}
      >
        <div className="help-panel__content">
          <header className="help-panel__header">
            <h2 id={titleId} className="help-panel__title">{view === 'menu' ? 'Export, import and backup' : `Clinical data of ${patient?.label ?? ''}`}</h2>
            <button type="button" className="button" onClick={() => dialog.current?.close()}>Close</button>
          </header>

          {report && (
            <section className={`export-menu__report export-menu__report--${report.tone}`} role={report.tone === 'error' ? 'alert' : 'status'} aria-label="Outcome">
              <div className="export-menu__row">
                <strong>{report.title}</strong>
                <span className="title-bar__spacer" />
                <button type="button" className="export-menu__dismiss" aria-label="Dismiss" onClick={actions.dismissReport}>×</button>
              </div>
              {report.lines.length > 0 && <ul>{report.lines.map((line, i) => <li key={i}>{line}</li>)}</ul>}
            </section>
          )}

          {view === 'clinical' && patient ? (
            <ClinicalDataForm
              key={patient.id}
              patient={patient}
              problems={actions.clinicalProblems}
              busy={busy}
              onSave={(changes) => { void actions.saveClinicalData(changes).then((saved) => { if (saved) setView('menu'); }); }}
              onBack={() => setView('menu')}
            />
          ) : (
            <>
              <section aria-label="Files for analysis">
                <h3 className="help-panel__heading">Files for analysis (CSV)</h3>
                <div className="export-menu__row">
                  <button type="button" className="button" disabled={busy} onClick={() => actions.download('measurements', choices)}>Measurements CSV</button>
                  <button type="button" className="button" disabled={busy} onClick={() => actions.download('timepoints', choices)}>Time-point responses CSV</button>
                  <button type="button" className="button" disabled={busy || !landmarkValid} onClick={() => actions.download('patients', choices)}>Patients CSV (survival)</button>
                  <button type="button" className="button" disabled={busy} onClick={() => actions.download('assigned', choices)}>Assigned responses CSV</button>
                </div>
                <div className="export-menu__options">
                  <label><input type="checkbox" checked={choices.deidentify} onChange={(e) => set({ deidentify: e.target.checked, shiftDates: e.target.checked && choices.shiftDates })} /> De-identify (study codes for patient ids)</label>
                  <label><input type="checkbox" checked={choices.shiftDates} disabled={!choices.deidentify} onChange={(e) => set({ shiftDates: e.target.checked })} /> Shift dates (per patient; intervals kept)</label>
                  <label>
                    Landmark (days)
                    <input type="number" min={0} step={1} value={landmarkText} aria-invalid={!landmarkValid}
                      onChange={(e) => { setLandmarkText(e.target.value); if (/^\d{1,4}$/.test(e.target.value)) set({ landmarkDays: Number(e.target.value) }); }} />
                  </label>
                  <label>
                    Line endings
                    <select value={choices.format.lineEnding} onChange={(e) => setFormat({ lineEnding: lineEndingOf(e.target.value) })}>
                      <option value="lf">LF (R, Python)</option>
                      <option value="crlf">CRLF (Windows, Excel)</option>
                    </select>
                  </label>
                  <label><input type="checkbox" checked={choices.format.bom} onChange={(e) => setFormat({ bom: e.target.checked })} /> UTF-8 byte-order mark (Excel)</label>
                </div>
                <p className="export-menu__hint">
                  The study key pairs each study code with its patient id and date offset. Keep it apart from the de-identified files.{' '}
                  <button type="button" className="button" disabled={busy} onClick={() => actions.download('study-key', choices)}>Study key CSV</button>
                </p>
              </section>

              <section aria-label="Clinical data">
                <h3 className="help-panel__heading">Clinical data</h3>
                <div className="export-menu__row">
                  <button type="button" className="button" disabled={busy || !patient} onClick={() => setView('clinical')}>
                    {patient ? `Clinical data of ${patient.label}…` : 'Clinical data (open a patient first)'}
                  </button>
                  <FileButton label="Import clinical data CSV…" accept=".csv,text/csv" disabled={busy} onFile={actions.importClinicalData} />
                </div>
                <p className="export-menu__hint">CSV columns: patient_id, treatment_start, cycles, death_date, last_alive_date, then any covariates. A blank cell clears that value; a missing column leaves it.</p>
              </section>

              <section aria-label="Measurements from another workstation">
                <h3 className="help-panel__heading">Measurements from another workstation</h3>
                <div className="export-menu__row">
                  <FileButton label="Import measurements CSV…" accept=".csv,text/csv" disabled={busy} onFile={actions.importMeasurements} />
                  <FileButton label="Import assigned responses CSV…" accept=".csv,text/csv" disabled={busy} onFile={actions.importAssigned} />
                </div>
                <p className="export-menu__hint">Merged by patient and lesion label; a value that differs from this record is listed as a conflict and not imported.</p>
              </section>

              <section aria-label="Backup">
                <h3 className="help-panel__heading">Backup of everything recorded in this browser</h3>
                <div className="export-menu__row">
                  <button type="button" className="button" disabled={busy} onClick={() => actions.backup(includeImages)}>Back up database</button>
                  <label><input type="checkbox" checked={includeImages} onChange={(e) => setIncludeImages(e.target.checked)} /> Include stored DICOM images</label>
                  <FileButton label="Restore from backup…" accept=".json,application/json" disabled={busy} onFile={restore} />
                </div>
              </section>
            </>
          )}
        </div>
      </dialog>
    </>
  );
}
