// A follow-up's overall response assigned by the reader from the report (when it gives no usable numbers), with
// the quoted sentence as its reason; shown as assigned wherever the response is.
import { useState } from 'react';
import type { AssignedOverallResponse } from '../../recist/types';
import { ASSIGNED_RESPONSES } from '../../store/reportRules';
import type { TimepointRow } from '../../tracking/types';
import type { ReportIntent } from './reportIntent';

export interface AssignedResponseFormProps {
  readonly timepoint: TimepointRow;
  readonly label: string;
  readonly onIntent: (intent: ReportIntent) => void;
}

export function AssignedResponseForm({ timepoint, label, onIntent }: AssignedResponseFormProps) {
  const [response, setResponse] = useState<AssignedOverallResponse>(timepoint.assigned?.response ?? 'SD');
  const [reason, setReason] = useState(timepoint.assigned?.reason ?? timepoint.report?.quote ?? '');
  const locked = timepoint.signOff !== undefined;
  return (
    <form className="report-form" aria-label={`Assigned response at ${label}`} onSubmit={(e) => {
      e.preventDefault();
      onIntent({ kind: 'assign', studyInstanceUid: timepoint.studyInstanceUid, response, reason });
    }}>
      <label className="report-form__field">
        Assigned response
        <select value={response} disabled={locked} onChange={(e) => setResponse(e.target.value as AssignedOverallResponse)}>
          {ASSIGNED_RESPONSES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      <label className="report-form__field">
        Reason (quoted)
        <input type="text" value={reason} disabled={locked} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="tracking-panel__actions">
        <button type="submit" className="button" disabled={locked}>Assign response</button>
        {timepoint.assigned && <button type="button" className="button" disabled={locked} onClick={() => onIntent({ kind: 'unassign', studyInstanceUid: timepoint.studyInstanceUid })}>Remove assigned response</button>}
      </div>
      {timepoint.assigned && <p className="tracking__dim">Assigned: {timepoint.assigned.response} — “{timepoint.assigned.reason}”</p>}
    </form>
  );
}
