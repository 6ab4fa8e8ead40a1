// Signing off the time point being read locks it (reader and time recorded); changing it afterwards needs an
// explicit unlock.
import { useState } from 'react';
import type { OrderedTimepoint } from '../../tracking/timepoints';
import type { TrackingIntent } from './trackingIntent';

export interface SignOffBarProps {
  readonly timepoint: OrderedTimepoint;
  readonly onIntent: (intent: TrackingIntent) => void;
}

const READER_KEY = 'recist-reader:reader-name';

export function SignOffBar({ timepoint, onIntent }: SignOffBarProps) {
  const [reader, setReader] = useState(() => localStorage.getItem(READER_KEY) ?? '');
  const signOff = timepoint.row.signOff;
  const study = timepoint.row.studyInstanceUid;
  if (signOff) {
    return (
      <div className="sign-off" role="status">
        <span>
          {timepoint.label} signed off by <strong>{signOff.reader}</strong> on {signOff.at.slice(0, 16).replace('T', ' ')} UTC
          ({signOff.overallResponse})
        </span>
        <button
          type="button"
          className="button"
          onClick={() => {
            if (window.confirm(`Unlock ${timepoint.label}? Its sign-off by ${signOff.reader} will be removed.`)) onIntent({ kind: 'unlock', studyInstanceUid: study });
          }}
        >
          Unlock
        </button>
      </div>
    );
  }
  const name = reader.trim();
  return (
    <form
      className="sign-off"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name) return;
        localStorage.setItem(READER_KEY, name);
        onIntent({ kind: 'sign-off', studyInstanceUid: study, reader: name });
      }}
    >
      <label>
        Reader
        <input type="text" value={reader} onChange={(e) => setReader(e.target.value)} placeholder="your name" required />
      </label>
      <button type="submit" className="button" disabled={!name}>Sign off {timepoint.label}</button>
    </form>
  );
}
