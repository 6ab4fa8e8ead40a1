// The lesion record of a patient read from radiology reports, without images: its time points with where each
// comes from, "+ Report time point", the lesions at the time point being read with typed millimetres, a
// follow-up's assigned response, and the live RECIST response. Renders and sends intents; the app writes.
import type { PatientAssessment } from '../../recist/types';
import type { ReportProblem } from '../../store/reportRules';
import { lesionValue } from '../../tracking/lesionValue';
import { timepointSource } from '../../tracking/source';
import type { OrderedTimepoint } from '../../tracking/timepoints';
import { compareLabels, type TrackedPatient, type TrackingProblem } from '../../tracking/toPatientRecord';
import { AssignedResponseForm } from './AssignedResponseForm';
import { RecistSummary } from './RecistSummary';
import { ReportLesionRow } from './ReportLesionRow';
import { ReportTimepointForm } from './ReportTimepointForm';
import type { ReportIntent } from './reportIntent';
import type { RecordView } from './recordView';
import './tracking.css';

export interface ReportReadingProps extends RecordView {
  readonly onRead: (studyUid: string) => void;
  readonly reportProblems: readonly ReportProblem[];
  /** Refusals of typed millimetres, by `${lesionId}|${studyUid}`. */
  readonly axesErrors: ReadonlyMap<string, string>;
  readonly onIntent: (intent: ReportIntent) => void;
}

export function ReportReading(props: ReportReadingProps) {
  const { tracked, timepoints, assessment, problems, unread, index, readingStudyUid, onRead, reportProblems, axesErrors, notice, onIntent } = props;
  const reading = timepoints.find((t) => t.row.studyInstanceUid === readingStudyUid);
  const lesions = [...tracked.lesions].sort((a, b) => compareLabels(a.label, b.label))
    .filter((l) => l.category !== 'new' || (reading !== undefined && l.firstStudyInstanceUid === reading.row.studyInstanceUid));
  const locked = reading?.row.signOff !== undefined;
  const isFollowUp = reading?.ordinal !== undefined && reading.ordinal > 0;
  return (
    <section className="tracking-panel report-reading" aria-label="Reading from reports">
      {notice && <div className={`tracking-notice tracking-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>{notice.text}</div>}
      <h2 className="sidebar__heading">Time points</h2>
      <ol className="timepoint-list__items" aria-label="Time points">
        {timepoints.map((t) => (
          <li key={t.row.studyInstanceUid} className="timepoint-list__item" aria-current={t.row.studyInstanceUid === readingStudyUid ? 'step' : undefined}>
            <button type="button" className="timepoint-list__link" onClick={() => onRead(t.row.studyInstanceUid)}>{t.label}</button>
            <span className="timepoint-list__date">{t.row.studyDate}</span>
            <span className="timepoint-list__days">source: {timepointSource(t.row)}{t.row.report ? ` · ${t.row.report.accessionNumber}` : ''}</span>
          </li>
        ))}
      </ol>
      <ReportTimepointForm problems={reportProblems} onIntent={onIntent} />
      {reading && (
        <>
          <h2 className="sidebar__heading">Lesions <span className="tracking__dim">· reading {reading.label}, {reading.row.studyDate}</span></h2>
          {reading.row.report && <p className="tracking__dim">“{reading.row.report.quote}”</p>}
          <div className="tracking-panel__actions">
            {!isFollowUp && <button type="button" className="button" disabled={locked} onClick={() => onIntent({ kind: 'add-lesion', category: 'target', studyInstanceUid: reading.row.studyInstanceUid })}>+ Target</button>}
            {!isFollowUp && <button type="button" className="button" disabled={locked} onClick={() => onIntent({ kind: 'add-lesion', category: 'non-target', studyInstanceUid: reading.row.studyInstanceUid })}>+ Non-target</button>}
            {isFollowUp && <button type="button" className="button" disabled={locked} onClick={() => onIntent({ kind: 'add-lesion', category: 'new', studyInstanceUid: reading.row.studyInstanceUid })}>+ New lesion</button>}
          </div>
          <table className="lesion-table" aria-label="Lesions from the report">
            <thead><tr><th scope="col">Lesion</th><th scope="col">State</th><th scope="col">Long / short axis (mm)</th></tr></thead>
            <tbody>
              {lesions.map((lesion) => (
                <ReportLesionRow
                  key={`${lesion.id}|${reading.row.studyInstanceUid}`}
                  lesion={lesion}
                  studyInstanceUid={reading.row.studyInstanceUid}
                  value={lesionValue(lesion, reading.row.studyInstanceUid, index)}
                  error={axesErrors.get(`${lesion.id}|${reading.row.studyInstanceUid}`)}
                  locked={locked}
                  onIntent={onIntent}
                />
              ))}
            </tbody>
          </table>
          {isFollowUp && <AssignedResponseForm key={reading.row.studyInstanceUid} timepoint={reading.row} label={reading.label} onIntent={onIntent} />}
        </>
      )}
      <h2 className="sidebar__heading">RECIST 1.1</h2>
      <RecistSummary assessment={assessment} readingLabel={isFollowUp ? reading?.label : undefined} problems={problems} unread={unread} />
    </section>
  );
}
