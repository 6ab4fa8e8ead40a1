// The analysis choices as labelled select boxes; each change is sent as an intent (applyControl does the rest).
import type { ControlChange } from '../../cohort/applyControl';
import type { CohortControls as Controls, Select } from '../../cohort/cohortView';

export interface CohortControlsProps {
  readonly controls: Controls;
  readonly onChange: (change: ControlChange) => void;
}

function Choice<T extends string>({ label, select, onPick }: { label: string; select: Select<T>; onPick: (value: T) => void }) {
  return (
    <label className="cohort-control">
      <span className="cohort-control__label">{label}</span>
      {/* The options are select.options, so a picked value is one of T. */}
      <select value={select.value} onChange={(e) => onPick(e.target.value as T)}>
        {select.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

export function CohortControls({ controls, onChange }: CohortControlsProps) {
  return (
    <div className="cohort-controls" role="group" aria-label="Analysis">
      <Choice label="Endpoint" select={controls.endpoint} onPick={(value) => onChange({ control: 'endpoint', value })} />
      <Choice label="Group by" select={controls.grouping} onPick={(value) => onChange({ control: 'grouping', value })} />
      {controls.split && <Choice label="Response groups" select={controls.split} onPick={(value) => onChange({ control: 'split', value })} />}
      {controls.use && <Choice label="Numeric covariate" select={controls.use} onPick={(value) => onChange({ control: 'use', value })} />}
      <Choice label="Time axis" select={controls.unit} onPick={(value) => onChange({ control: 'unit', value })} />
    </div>
  );
}
