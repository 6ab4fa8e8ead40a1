// "+ Report time point": the scan date, the report's date, accession number and the quoted sentence. The typed text
// stays in the fields when a problem is shown next to one, so nothing is typed twice.
import { useState } from 'react';
import type { ReportField, ReportProblem } from '../../store/reportRules';
import { describeReportProblem } from '../messages';
import type { ReportIntent } from './reportIntent';

export interface ReportTimepointFormProps {
  /** Problems of the last attempt, by field; cleared by the app once a time point is created. */
  readonly problems: readonly ReportProblem[];
  readonly onIntent: (intent: ReportIntent) => void;
}

const FIELDS: readonly { field: ReportField; label: string; type: 'date' | 'text' }[] = [
  { field: 'scanDate', label: 'Scan date', type: 'date' },
  { field: 'reportDate', label: 'Report date', type: 'date' },
  { field: 'accessionNumber', label: 'Accession number', type: 'text' },
  { field: 'quote', label: 'Quote from the report', type: 'text' },
];

export function ReportTimepointForm({ problems, onIntent }: ReportTimepointFormProps) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<ReportField, string>>({ scanDate: '', reportDate: '', accessionNumber: '', quote: '' });
  if (!open) return <button type="button" className="button" onClick={() => setOpen(true)}>+ Report time point</button>;
  return (
    <form
      className="report-form"
      aria-label="Report time point"
      onSubmit={(e) => {
        e.preventDefault();
        onIntent({ kind: 'add-report-timepoint', input: values });
      }}
    >
      {FIELDS.map(({ field, label, type }) => {
        const problem = problems.find((p) => p.field === field);
        return (
          <label key={field} className="report-form__field">
            {label}
            <input type={type} value={values[field]} aria-invalid={problem !== undefined}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })} />
            {problem && <span className="report-form__error" role="alert">{describeReportProblem(problem)}</span>}
          </label>
        );
      })}
      <div className="tracking-panel__actions">
        <button type="submit" className="button">Add time point</button>
        <button type="button" className="button" onClick={() => setOpen(false)}>Close</button>
      </div>
    </form>
  );
}
