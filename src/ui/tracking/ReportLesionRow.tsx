// One lesion at a time point read from a report: the same states as the checklist, and the millimetres typed in
// (long and short axis). A value the form cannot take is said next to its field, and the typed text stays.
import { useEffect, useState } from 'react';
import type { LesionValue } from '../../tracking/lesionValue';
import { ORGANS, type FindingState, type LesionRow, type Organ } from '../../tracking/types';
import { findingChoices } from './findingChoices';
import type { ReportIntent } from './reportIntent';

export interface ReportLesionRowProps {
  readonly lesion: LesionRow;
  readonly studyInstanceUid: string;
  readonly value: LesionValue;
  /** The last refusal of this row's millimetres, in words. */
  readonly error: string | undefined;
  readonly locked: boolean;
  readonly onIntent: (intent: ReportIntent) => void;
}

const text = (mm: number | undefined) => (mm === undefined ? '' : String(mm));

export function ReportLesionRow({ lesion, studyInstanceUid, value, error, locked, onIntent }: ReportLesionRowProps) {
  const saved = value.axes[0];
  const [long, setLong] = useState(text(saved?.longAxisMm));
  const [short, setShort] = useState(text(saved?.shortAxisMm));
  useEffect(() => { setLong(text(saved?.longAxisMm)); setShort(text(saved?.shortAxisMm)); }, [saved?.longAxisMm, saved?.shortAxisMm]);
  const name = `${lesion.label}`;
  // A target is 'measured' through its millimetres; the other states are chosen here.
  const choices = findingChoices(lesion.category).filter((c) => c.state !== 'merged');
  return (
    <tr data-lesion={lesion.label}>
      <th scope="row">
        {lesion.label}
        <select aria-label={`${name} organ`} value={lesion.organ} disabled={locked}
          onChange={(e) => onIntent({ kind: 'set-organ', lesionId: lesion.id, organ: e.target.value as Organ })}>
          {ORGANS.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </th>
      <td>
        <select aria-label={`${name} state`} value={value.state ?? ''} disabled={locked}
          onChange={(e) => onIntent({ kind: 'set-state', lesionId: lesion.id, studyInstanceUid, state: e.target.value === '' ? undefined : e.target.value as FindingState })}>
          <option value="">Not assessed</option>
          {choices.map((c) => <option key={c.state} value={c.state} disabled={c.state === 'measured' && value.state !== 'measured'}>{c.label}</option>)}
        </select>
      </td>
      <td>
        <form className="report-axes" onSubmit={(e) => {
          e.preventDefault();
          onIntent({ kind: 'save-axes', lesionId: lesion.id, studyInstanceUid, longText: long, shortText: short });
        }}>
          <input aria-label={`${name} long axis (mm)`} inputMode="decimal" size={5} value={long} disabled={locked} onChange={(e) => setLong(e.target.value)} />
          <input aria-label={`${name} short axis (mm)`} inputMode="decimal" size={5} value={short} disabled={locked} onChange={(e) => setShort(e.target.value)} />
          <button type="submit" className="button" disabled={locked}>Save {name}</button>
          {error && <span className="report-form__error" role="alert">{error}</span>}
        </form>
      </td>
    </tr>
  );
}
