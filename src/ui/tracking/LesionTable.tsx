// The checklist: every lesion of the patient, its value at baseline and at the time point being read, and there a
// choice of what was found. A click on a row selects the lesion and shows it in both viewports.
import { lesionValue, type RecordIndex } from '../../tracking/lesionValue';
import type { OrderedTimepoint } from '../../tracking/timepoints';
import type { FindingState, LesionRow } from '../../tracking/types';
import { findingChoices } from './findingChoices';
import { valueWords } from './lesionWords';
import type { TrackingIntent } from './trackingIntent';

export interface LesionTableProps {
  readonly lesions: readonly LesionRow[];
  readonly index: RecordIndex;
  readonly baseline: OrderedTimepoint | undefined;
  /** The follow-up being read; undefined while reading the baseline. */
  readonly reading: OrderedTimepoint | undefined;
  readonly selectedLesionId: string | undefined;
  readonly locked: boolean;
  readonly onIntent: (intent: TrackingIntent) => void;
}

const NOT_ASSESSED = '';

export function LesionTable({ lesions, index, baseline, reading, selectedLesionId, locked, onIntent }: LesionTableProps) {
  const labelOf = (id: string) => lesions.find((l) => l.id === id)?.label ?? 'another lesion';
  if (lesions.length === 0) {
    return <p className="tracking__empty">No lesion yet. Choose a measuring tool (M or B) and draw on the baseline, or add one below.</p>;
  }
  return (
    <table className="lesion-table" aria-label="Lesions">
      <thead>
        <tr>
          <th scope="col">Lesion</th>
          <th scope="col">{baseline?.label ?? 'Baseline'}</th>
          {reading && <th scope="col">{reading.label}</th>}
        </tr>
      </thead>
      <tbody>
        {lesions.map((lesion) => {
          const selected = lesion.id === selectedLesionId;
          const atBaseline = baseline ? lesionValue(lesion, baseline.row.studyInstanceUid, index) : undefined;
          const atReading = reading ? lesionValue(lesion, reading.row.studyInstanceUid, index) : undefined;
          const recordedHere = reading && (lesion.category !== 'new' || lesion.firstStudyInstanceUid === reading.row.studyInstanceUid);
          return (
            <tr
              key={lesion.id}
              className="lesion-table__row"
              aria-selected={selected}
              data-lesion={lesion.label}
              onClick={() => onIntent({ kind: 'select-lesion', lesionId: lesion.id })}
            >
              <th scope="row">
                <button type="button" className="lesion-table__label" aria-pressed={selected} aria-label={`${lesion.label}, ${lesion.organ}`}>
                  {lesion.label}
                </button>
                <span className="lesion-table__organ">{lesion.organ}{lesion.location ? ` · ${lesion.location}` : ''}</span>
              </th>
              <td data-column="baseline">{lesion.category === 'new' ? '—' : atBaseline ? valueWords(lesion, atBaseline, labelOf) : '—'}</td>
              {reading && atReading && (
                <td data-column="reading">
                  {recordedHere ? (
                    <>
                      <span className="lesion-table__value">{valueWords(lesion, atReading, labelOf)}</span>
                      <FindingSelect
                        lesion={lesion}
                        lesions={lesions}
                        state={atReading.state}
                        mergedInto={atReading.mergedIntoLesionId}
                        label={`${lesion.label} at ${reading.label}`}
                        disabled={locked}
                        onChange={(state, mergedIntoLesionId) => onIntent({
                          kind: 'set-finding', lesionId: lesion.id, studyInstanceUid: reading.row.studyInstanceUid, state,
                          ...(mergedIntoLesionId ? { mergedIntoLesionId } : {}),
                        })}
                      />
                    </>
                  ) : '—'}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface FindingSelectProps {
  readonly lesion: LesionRow;
  readonly lesions: readonly LesionRow[];
  readonly state: FindingState | undefined;
  readonly mergedInto: string | undefined;
  readonly label: string;
  readonly disabled: boolean;
  readonly onChange: (state: FindingState | undefined, mergedIntoLesionId?: string) => void;
}

/** One select: "not assessed", the category's states, and for a target one "merged into Tn" per other target. */
function FindingSelect({ lesion, lesions, state, mergedInto, label, disabled, onChange }: FindingSelectProps) {
  const choices = findingChoices(lesion.category).filter((c) => c.state !== 'merged');
  const mergeTargets = lesion.category === 'target' ? lesions.filter((l) => l.category === 'target' && l.id !== lesion.id) : [];
  const value = state === 'merged' && mergedInto ? `merged:${mergedInto}` : state ?? NOT_ASSESSED;
  return (
    <select
      className="lesion-table__state"
      aria-label={label}
      value={value}
      disabled={disabled}
      onClick={(event) => event.stopPropagation()}
      onChange={(event) => {
        const next = event.target.value;
        if (next === NOT_ASSESSED) onChange(undefined);
        else if (next.startsWith('merged:')) onChange('merged', next.slice('merged:'.length));
        else onChange(next as FindingState);
      }}
    >
      <option value={NOT_ASSESSED}>Not assessed</option>
      {choices.map((c) => (
        // 'Measured' comes from drawing a measurement; it is listed so the current state shows, not to be chosen.
        <option key={c.state} value={c.state} disabled={c.state === 'measured' && state !== 'measured'}>{c.label}</option>
      ))}
      {mergeTargets.map((t) => <option key={t.id} value={`merged:${t.id}`}>Merged into {t.label}</option>)}
    </select>
  );
}
