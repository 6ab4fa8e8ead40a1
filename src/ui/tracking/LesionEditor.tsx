// The selected lesion's details: category, organ or site (lymph node makes it nodal), free-text location; split
// lesions measured as fragments; deletion after a confirmation.
import { useEffect, useState } from 'react';
import type { LesionCategory } from '../../recist/types';
import { ORGANS, type LesionRow, type Organ } from '../../tracking/types';
import { CATEGORY_WORDS } from './findingChoices';
import type { TrackingIntent } from './trackingIntent';

export interface LesionEditorProps {
  readonly lesion: LesionRow;
  readonly splitNext: boolean;
  readonly locked: boolean;
  readonly onIntent: (intent: TrackingIntent) => void;
}

const CATEGORIES: readonly LesionCategory[] = ['target', 'non-target', 'new'];

export function LesionEditor({ lesion, splitNext, locked, onIntent }: LesionEditorProps) {
  // The location is typed freely and saved when the field is left (or Enter), not on every key.
  const [location, setLocation] = useState(lesion.location);
  useEffect(() => setLocation(lesion.location), [lesion.id, lesion.location]);
  const saveLocation = () => {
    if (location !== lesion.location) onIntent({ kind: 'update-lesion', lesionId: lesion.id, location });
  };
  return (
    <section className="lesion-editor" aria-label={`Lesion ${lesion.label}`}>
      <h3 className="tracking__subheading">
        {lesion.label} <span className="tracking__dim">{CATEGORY_WORDS[lesion.category]}{lesion.nodal ? ', nodal: short axis' : ', long axis'}</span>
      </h3>
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
            onChange={(e) => onIntent({ kind: 'update-lesion', lesionId: lesion.id, organ: e.target.value as Organ })}
          >
            {ORGANS.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label className="lesion-editor__wide">
          Location
          <input
            type="text"
            value={location}
            disabled={locked}
            placeholder="e.g. segment VIII"
            onChange={(e) => setLocation(e.target.value)}
            onBlur={saveLocation}
            onKeyDown={(e) => { if (e.key === 'Enter') saveLocation(); }}
          />
        </label>
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
