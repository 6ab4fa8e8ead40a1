// One lesion at a time point read from a report: the same states as the checklist, and the millimetres typed in
// (long and short axis). A value the form cannot take is said next to its field, and the typed text stays.
import type { LesionValue } from '../../tracking/lesionValue';
import { ORGANS, type FindingState, type LesionRow, type Organ } from '../../tracking/types';
import { findingChoices } from './findingChoices';
import { changedInAnotherTab } from './lesionWords';
import type { ReportIntent } from './reportIntent';
import { useDraftText } from './useDraftText';

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
/** Typed millimetres that save to the same value ("23.50" and "23.5"); text that is not a number only as itself. */
const sameMm = (a: string, b: string): boolean => {
  const [x, y] = [a.trim().replace(',', '.'), b.trim().replace(',', '.')];
  return x === y || (x !== '' && y !== '' && Number.isFinite(Number(x)) && Number(x) === Number(y));
};

export function ReportLesionRow({ lesion, studyInstanceUid, value, error, locked, onIntent }: ReportLesionRowProps) {
  const saved = value.axes[0];
  // What is being typed is kept when another tab saves this lesion's millimetres meanwhile (useDraftText).
  const field = `${lesion.id}|${studyInstanceUid}`;
  const long = useDraftText(`${field}|long`, text(saved?.longAxisMm), sameMm);
  const short = useDraftText(`${field}|short`, text(saved?.shortAxisMm), sameMm);
  const theirs = long.changedElsewhere !== undefined || short.changedElsewhere !== undefined
    ? [long.changedElsewhere ?? long.text, short.changedElsewhere ?? short.text].filter((t) => t !== '').map((t) => `${t} mm`).join(' x ')
    : undefined;
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
          long.saving(long.text);
          short.saving(short.text);
          onIntent({ kind: 'save-axes', lesionId: lesion.id, studyInstanceUid, longText: long.text, shortText: short.text });
        }}>
          <input aria-label={`${name} long axis (mm)`} inputMode="decimal" size={5} value={long.text} disabled={locked} onChange={(e) => long.setText(e.target.value)} />
          <input aria-label={`${name} short axis (mm)`} inputMode="decimal" size={5} value={short.text} disabled={locked} onChange={(e) => short.setText(e.target.value)} />
          <button type="submit" className="button" disabled={locked}>Save {name}</button>
          {error && <span className="report-form__error" role="alert">{error}</span>}
          {theirs !== undefined && <span className="report-form__elsewhere" role="status">{changedInAnotherTab(theirs)}</span>}
        </form>
      </td>
    </tr>
  );
}
