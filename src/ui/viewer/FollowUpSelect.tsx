// The choice of which follow-up to compare with the baseline, for the right pane's header.
import { useId } from 'react';

export interface FollowUpOption {
  readonly value: string;
  readonly label: string;
}

export interface FollowUpSelectProps {
  readonly options: readonly FollowUpOption[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A choice is loading: shown, and further choices wait for it. */
  readonly busy: boolean;
  /** Why the last choice could not be shown, in words for the user. */
  readonly problem?: string | undefined;
}

export function FollowUpSelect({ options, value, onChange, busy, problem }: FollowUpSelectProps) {
  const id = useId();
  return (
    <span className="follow-up-select">
      {busy && <span className="follow-up-select__status" role="status">Loading…</span>}
      {!busy && problem && <span className="follow-up-select__problem" role="alert" title={problem}>Could not load</span>}
      <label htmlFor={id} className="follow-up-select__label">Compare with</label>
      <select
        id={id}
        className="follow-up-select__select"
        value={value}
        disabled={busy}
        onChange={(event) => onChange(event.target.value)}
        data-testid="follow-up-select"
      >
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </span>
  );
}
