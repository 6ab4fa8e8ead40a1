// Signing off the time point being read locks it (reader and time recorded); changing it afterwards needs an
// explicit unlock. The reader signs in their own name: the reader reading now; on a workstation where nobody is
// named yet, the name typed here names the reader.
import { useState } from 'react';
import type { OrderedTimepoint } from '../../tracking/timepoints';
import { useReaderIdentity } from '../readers/readerContext';
import type { TrackingIntent } from './trackingIntent';

export interface SignOffBarProps {
  readonly timepoint: OrderedTimepoint;
  readonly onIntent: (intent: TrackingIntent) => void;
}

export function SignOffBar({ timepoint, onIntent }: SignOffBarProps) {
  const identity = useReaderIdentity();
  const [typed, setTyped] = useState('');
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
  const name = (identity.reader ?? typed).trim();
  return (
    <form
      className="sign-off"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name) return;
        if (identity.reader === undefined) identity.onNameReader(name);
        onIntent({ kind: 'sign-off', studyInstanceUid: study, reader: name });
      }}
    >
      {identity.reader === undefined ? (
        <label>
          Reader
          <input type="text" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="your name" required />
        </label>
      ) : (
        <span>Reader <strong>{identity.reader}</strong></span>
      )}
      <button type="submit" className="button" disabled={!name}>Sign off {timepoint.label}</button>
    </form>
  );
}
