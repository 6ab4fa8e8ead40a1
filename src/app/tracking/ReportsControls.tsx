// "Reports…" in the title bar: record readings from radiology reports when the images cannot be reviewed. Choose a
// patient (or create one without any DICOM: "New patient from reports"), then read its report time points.
import { useState } from 'react';
import type { RecistDatabase } from '../../store/database';
import { createReportPatient } from '../../store/reportRepository';
import { usePatientList } from '../../store/usePatientList';
import { describeStoreError } from '../../ui/messages';
import { ReportReading } from '../../ui/tracking/ReportReading';
import { useReportRecord } from './useReportRecord';

function PatientReports({ db, patientId }: { readonly db: RecistDatabase; readonly patientId: string }) {
  const props = useReportRecord(db, patientId);
  return props ? <ReportReading {...props} /> : <p className="tracking__dim">Reading the record…</p>;
}

// The title bar is rebuilt when the reading screen changes (a study finishes loading, the record opens), which
// remounts this control: whether the panel is open and whose record it shows are kept here so it stays as it was.
const remembered = { open: false, patientId: '' };

export function ReportsControls({ db }: { readonly db: RecistDatabase }) {
  const [open, setOpenState] = useState(remembered.open);
  const [patientId, setPatientIdState] = useState(remembered.patientId);
  const setOpen = (value: boolean) => { remembered.open = value; setOpenState(value); };
  const setPatientId = (value: string) => { remembered.patientId = value; setPatientIdState(value); };
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const patients = usePatientList(db) ?? [];
  if (!open) return <button type="button" className="button" onClick={() => setOpen(true)}>Reports…</button>;
  return (
    <section className="reports-dialog" role="dialog" aria-label="Readings from reports">
      <div className="tracking-panel__actions">
        <label>
          Patient{' '}
          <select aria-label="Patient" value={patientId} onChange={(e) => setPatientId(e.target.value)}>
            <option value="">Choose…</option>
            {patients.map((p) => <option key={p.id} value={p.id}>{p.id}{p.name ? ` (${p.name})` : ''}</option>)}
          </select>
        </label>
        <span className="tracking__spacer" />
        <button type="button" className="button" onClick={() => setOpen(false)}>Close</button>
      </div>
      <form className="report-form" aria-label="New patient from reports" onSubmit={(e) => {
        e.preventDefault();
        void createReportPatient(db, { id: newId, name: newName }).then((r) => {
          if (!r.ok) return setError(describeStoreError(r.error));
          setError(undefined);
          setPatientId(r.value.id);
          setNewId('');
          setNewName('');
        });
      }}>
        <label className="report-form__field">Patient ID<input type="text" value={newId} onChange={(e) => setNewId(e.target.value)} /></label>
        <label className="report-form__field">Name<input type="text" value={newName} onChange={(e) => setNewName(e.target.value)} /></label>
        <button type="submit" className="button">New patient from reports</button>
        {error && <span className="report-form__error" role="alert">{error}</span>}
      </form>
      {patientId !== '' && <PatientReports key={patientId} db={db} patientId={patientId} />}
    </section>
  );
}
