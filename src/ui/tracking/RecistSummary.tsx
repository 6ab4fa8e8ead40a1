// The engine's verdict, live: the sum at each time point, its change from baseline and from the nadir, the target,
// non-target, new-lesion and overall responses, the reason for the time point being read, and best overall response.
import { describeBorderline } from '../../recist/borderline';
import type { PatientAssessment, TimepointAssessment } from '../../recist/types';
import type { Micrometres } from '../../recist/units';
import type { OrderedTimepoint } from '../../tracking/timepoints';
import type { TrackingProblem } from '../../tracking/toPatientRecord';

export interface RecistSummaryProps {
  readonly assessment: PatientAssessment | undefined;
  /** The engine label of the time point being read ("Follow-up 1"), whose reason is spelled out. */
  readonly readingLabel: string | undefined;
  readonly problems: readonly TrackingProblem[];
  /** Follow-ups with nothing recorded yet. */
  readonly unread: readonly OrderedTimepoint[];
  /** Labels of targets with no diameter at baseline, which the baseline sum leaves out. */
  readonly unmeasuredTargets?: readonly string[];
}

const mm = (v: Micrometres | null) => (v === null ? '—' : `${(Math.round(v / 100) / 10).toFixed(1)}`);

function change(value: Micrometres | null, reference: Micrometres | null): string {
  if (value === null || reference === null) return '—';
  if (reference === 0) return value === 0 ? '0%' : '—';
  const percent = Math.round(((value - reference) / reference) * 1000) / 10;
  return `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${Math.abs(percent).toFixed(1)}%`;
}

const response = (value: string | null) => (value === null ? '—' : value === 'NA' ? 'n/a' : value);

/** A response that may break after its slash ("NON-CR/NON-PD"), so the table fits the column and Overall stays in view. */
function Response({ value }: { readonly value: string | null }) {
  const [first, ...rest] = response(value).split('/');
  return <>{first}{rest.map((part) => <span key={part}>/<wbr />{part}</span>)}</>;
}
const newWords = (t: TimepointAssessment) => (t.newLesions === null ? '—' : t.newLesions);

export function RecistSummary({ assessment, readingLabel, problems, unread, unmeasuredTargets = [] }: RecistSummaryProps) {
  if (!assessment) {
    return (
      <section className="recist-summary" aria-label="RECIST response">
        <p className="tracking__empty">The response appears once the baseline has a lesion.</p>
        <Problems problems={problems} />
      </section>
    );
  }
  const baseline = assessment.timepoints[0];
  const reading = assessment.timepoints.find((t) => t.label === readingLabel && !t.isBaseline);
  return (
    <section className="recist-summary" aria-label="RECIST response">
      <table className="recist-summary__table">
        <thead>
          <tr>
            <th scope="col">Time point</th>
            <th scope="col" title="Sum of diameters, mm">Sum</th>
            <th scope="col" title="Change of the sum from baseline">Δ BL</th>
            <th scope="col" title="Change of the sum from the nadir">Δ nadir</th>
            <th scope="col" title="Target response">T</th>
            <th scope="col" title="Non-target response">NT</th>
            <th scope="col" title="New lesions">New</th>
            <th scope="col">Overall</th>
          </tr>
        </thead>
        <tbody>
          {assessment.timepoints.map((t) => (
            <tr key={t.label} aria-current={t === reading ? 'step' : undefined} data-timepoint={t.label}>
              <th scope="row" title={t.scanDate}>{t.label}</th>
              <td data-cell="sum">{mm(t.targetSum)}</td>
              <td>{t.isBaseline ? '' : change(t.targetSum, t.baselineSum)}</td>
              <td>{t.isBaseline ? '' : change(t.targetSum, t.nadirSum)}</td>
              <td className="recist-summary__words"><Response value={t.targetResponse} /></td>
              <td className="recist-summary__words"><Response value={t.nonTargetResponse} /></td>
              <td>{t.isBaseline ? '' : newWords(t)}</td>
              <td data-cell="overall" className="recist-summary__overall" data-source={t.responseSource ?? undefined}>
                <Response value={t.overallResponse} />
                {t.responseSource === 'assigned' && <span className="recist-summary__assigned" title="Assigned by the reader from the report, not computed"> (assigned)</span>}
                {t.borderline.length > 0 && <Borderline words={t.borderline.map(describeBorderline)} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unmeasuredTargets.length > 0 && (
        <p className="recist-summary__problems recist-summary__left-out" data-testid="sum-warning" role="note">
          The baseline sum leaves out {unmeasuredTargets.join(', ')}: no measurement at baseline. Measure {unmeasuredTargets.length === 1 ? 'it' : 'them'} (M or B), or make {unmeasuredTargets.length === 1 ? 'it a non-target' : 'them non-targets'}.
        </p>
      )}
      {unread.length > 0 && (
        <p className="recist-summary__unread">{unread.map((t) => `${t.label} (${t.row.studyDate})`).join(', ')}: not read yet.</p>
      )}
      {baseline && <p className="recist-summary__reason" data-testid="baseline-explanation">{baseline.explanation}</p>}
      {reading && (
        <p className="recist-summary__reason" data-testid="reading-explanation">
          <strong>{reading.label}:</strong> {reading.explanation}
        </p>
      )}
      <p className="recist-summary__best" data-testid="best-response">
        Best overall response: <strong>{assessment.bestOverallResponse}</strong>
        <span className="tracking__dim"> — {assessment.bestResponseExplanation}</span>
      </p>
      <Problems problems={problems} />
    </section>
  );
}

/** Near a threshold, within reader noise: the label stands, the mark says how firm it is (issue 20). */
function Borderline({ words }: { readonly words: readonly string[] }) {
  const text = `Borderline: ${words.join('; ')}`;
  return <span className="recist-summary__borderline" title={text} aria-label={text} data-cell="borderline"> ≈</span>;
}

function Problems({ problems }: { readonly problems: readonly TrackingProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="recist-summary__problems" aria-label="Problems in the record">
      {problems.map((p) => <li key={`${p.lesionId}|${p.studyInstanceUid}`}>{p.message}</li>)}
    </ul>
  );
}
