// The selected lesion's details: category, organ or site (lymph node makes it nodal), free-text location; split
// lesions measured as fragments; deletion after a confirmation.
import type { LesionCategory } from '../../recist/types';
import { ORGANS, type LesionRow, type Organ } from '../../tracking/types';
import { CATEGORY_WORDS } from './findingChoices';
import { changedInAnotherTab } from './lesionWords';
import type { TrackingIntent } from './trackingIntent';
import { useDraftText } from './useDraftText';

export interface LesionEditorProps {
  readonly lesion: LesionRow;
  readonly splitNext: boolean;
  readonly locked: boolean;
  readonly onIntent: (intent: TrackingIntent) => void;
}

const CATEGORIES: readonly LesionCategory[] = ['target', 'non-target', 'new'];

/** What a target's RECIST diameter is; non-target and new lesions are judged as a whole, not by a diameter. */
const howMeasured = (lesion: LesionRow): string => {
  if (lesion.category !== 'target') return lesion.nodal ? ', nodal' : '';
  return lesion.nodal ? ', nodal: short axis' : ', long axis';
};

/** "other" with no location says nothing of where the lesion is: a lesion made so is asked for its organ. */
const asksOrgan = (lesion: LesionRow): boolean => lesion.organ === 'other' && lesion.location.trim() === '';

export function LesionEditor({ lesion, splitNext, locked, onIntent }: LesionEditorProps) {
  // The location is typed freely and saved when the field is left (or Enter), not on every key; another tab saving
  // it meanwhile does not replace what is being typed (useDraftText).
  const location = useDraftText(lesion.id, lesion.location);
  const saveLocation = () => {
    if (location.text === lesion.location) return;
    location.saving(location.text);
    onIntent({ kind: 'update-lesion', lesionId: lesion.id, location: location.text });
  };
  return (
    <section className="lesion-editor" aria-label={`Lesion ${lesion.label}`}>
      <h3 className="tracking__subheading">
        {lesion.label} <span className="tracking__dim">{CATEGORY_WORDS[lesion.category]}{howMeasured(lesion)}</span>
      </h3>
      {asksOrgan(lesion) && !locked && (
        <p className="lesion-editor__ask" role="status">Which organ or site is {lesion.label} in? Choose it below (for “other”, say where in Location).</p>
      )}
      <div className="lesion-editor__fields">
        <label>
          Category
          <select
            value={lesion.category}
            disabled={locked}
            onChange={(e) => onIntent({ kind: 'update-lesion', lesionId: lesion.id, category: e.target.value as LesionCategory })}
          >
            {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_WORDS[c]}</option>)}
          </select>
        </label>
        <label>
          Organ or site
          <select
            value={lesion.organ}
            disabled={locked}
            // Not focused on its own: a lesion made by drawing leaves the keys with the viewer.
            aria-invalid={asksOrgan(lesion) || undefined}
            onChange={(e) => onIntent({ kind: 'update-lesion', lesionId: lesion.id, organ: e.target.value as Organ })}
          >
            {ORGANS.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label className="lesion-editor__wide">
          Location
          <input
            type="text"
            value={location.text}
            disabled={locked}
            placeholder="e.g. segment VIII"
            onChange={(e) => location.setText(e.target.value)}
            onBlur={saveLocation}
            onKeyDown={(e) => { if (e.key === 'Enter') saveLocation(); }}
          />
        </label>
        {location.changedElsewhere !== undefined && (
          <p className="lesion-editor__elsewhere lesion-editor__wide" role="status">
            {changedInAnotherTab(location.changedElsewhere)}{' '}
            {/* Pressed without taking the focus from the field: leaving it would save the typed text first. */}
            <button type="button" className="button" onMouseDown={(e) => e.preventDefault()} onClick={location.takeSaved}>Use the other tab's</button>
          </p>
        )}
      </div>
      <div className="lesion-editor__actions">
        {lesion.category === 'target' && (
          <label className="lesion-editor__check">
            <input type="checkbox" checked={splitNext} onChange={(e) => onIntent({ kind: 'set-split-next', on: e.target.checked })} />
            Split lesion: the next measurement adds a fragment
          </label>
        )}
        <span className="tracking__spacer" />
        <button
          type="button"
          className="button button--danger"
          disabled={locked}
          onClick={() => {
            if (window.confirm(`Delete ${lesion.label} with all its measurements at every time point?`)) {
              onIntent({ kind: 'delete-lesion', lesionId: lesion.id });
            }
          }}
        >
          Delete lesion
        </button>
      </div>
    </section>
  );
}
