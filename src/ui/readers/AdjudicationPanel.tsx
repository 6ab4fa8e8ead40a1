// The adjudicator's view of a discordant double read: both reads side by side (each reader's response table and
// reasons), where they part, and the choice of one read with a written reason, signed in the adjudicator's name and
// locked. The adjudicator does not measure anew.
import { useState } from 'react';
import type { DoubleReadStatus } from '../../agreement/doubleReadStatus';
import type { PatientAssessment } from '../../recist/types';
import { RecistSummary } from '../tracking/RecistSummary';
import '../tracking/tracking.css';
import { discordanceWords } from './doubleReadWords';

export interface AdjudicationPanelProps {
  readonly patientId: string;
  readonly status: Extract<DoubleReadStatus, { kind: 'discordant' | 'adjudicated' | 'concordant' }>;
  /** The two reads compared, in the comparison's order. */
  readonly reads: readonly (PatientAssessment | undefined)[];
  /** The reader reading now: the adjudicator when they are neither of the two readers. */
  readonly reader: string | undefined;
  readonly onAdjudicate: (chosenReader: string, reason: string) => void;
  readonly onWithdraw: () => void;
  /** Why the last adjudication was refused, in words. */
  readonly problem?: string | undefined;
}

export function AdjudicationPanel({ patientId, status, reads, reader, onAdjudicate, onWithdraw, problem }: AdjudicationPanelProps) {
  const { comparison } = status;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState('');
  const firstLabel = comparison.firstDiscordant?.label;
  const isReader = reader !== undefined && comparison.readers.includes(reader);
  return (
    <section className="adjudication" aria-label={`Adjudication of ${patientId}`}>
      <h2 className="adjudication__heading">
        {patientId}: {comparison.readers[0]} and {comparison.readers[1]}
      </h2>
      {status.kind !== 'concordant' && <p className="adjudication__where" data-testid="discordance">Discordant at {discordanceWords(comparison)}.</p>}
      <div className="adjudication__reads">
        {comparison.readers.map((name, i) => (
          <section key={name} className="adjudication__read" aria-label={`Read of ${name}`} data-reader={name}>
            <h3>{name}</h3>
            <p>Best overall response <strong data-testid="read-bor">{comparison.bestResponse[i === 0 ? 'first' : 'second']}</strong>;
              progression {comparison.progression[i === 0 ? 'first' : 'second'] ?? 'none'}</p>
            <RecistSummary assessment={reads[i]} readingLabel={firstLabel} problems={[]} unread={[]} />
          </section>
        ))}
      </div>
      {status.kind === 'adjudicated' ? (
        <div className="adjudication__decision" role="status" data-testid="adjudication-decision">
          <p>
            <strong>{status.adjudication.chosenReader}</strong>'s read chosen by <strong>{status.adjudication.adjudicator}</strong> on{' '}
            {status.adjudication.at.slice(0, 16).replace('T', ' ')} UTC: “{status.adjudication.reason}”
          </p>
          <button type="button" className="button" onClick={() => {
            if (window.confirm(`Withdraw the adjudication of ${patientId}? The choice of ${status.adjudication.chosenReader}'s read will be removed.`)) onWithdraw();
          }}>Withdraw adjudication</button>
        </div>
      ) : status.kind === 'discordant' && (
        <form
          className="adjudication__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen && reason.trim() && reader && !isReader) onAdjudicate(chosen, reason);
          }}
        >
          <fieldset>
            <legend>Choose one read</legend>
            {comparison.readers.map((name) => (
              <label key={name}>
                <input type="radio" name={`adjudicate-${patientId}`} value={name} checked={chosen === name} onChange={() => setChosen(name)} />
                {name}'s read
              </label>
            ))}
          </fieldset>
          <label className="adjudication__reason">
            Reason
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} placeholder="why this read (e.g. the node at Follow-up 1 is 9 mm on its true short axis)" />
          </label>
          {reader === undefined || isReader ? (
            <p className="adjudication__note" role="note">
              {reader === undefined ? 'Name yourself (Switch reader) to adjudicate.' : `${reader} read this patient: the adjudicator is a third reader. Switch reader to adjudicate.`}
            </p>
          ) : (
            <button type="submit" className="button" disabled={!chosen || !reason.trim()}>Sign adjudication as {reader}</button>
          )}
          {problem && <p className="adjudication__problem" role="alert">{problem}</p>}
        </form>
      )}
    </section>
  );
}
