// Text the reader types into a saved field (a lesion's location, its millimetres read from a report): it follows the
// saved value while the reader has not changed it, and is kept when another tab saves the same field in the middle
// of the typing, with the other tab's text at hand to say so (draftText.ts). Replacing it silently lost the typing.
import { useCallback, useRef, useState } from 'react';
import { followSaved, freshDraft, type Draft } from './draftText';

export interface DraftText {
  /** What the field shows. */
  readonly text: string;
  readonly setText: (text: string) => void;
  /** The value another tab saved while this text was being typed (undefined: none, or the typing was saved since). */
  readonly changedElsewhere: string | undefined;
  /** Call with the text handed on to be saved, so that its coming back is not taken for another tab's change. */
  readonly saving: (text: string) => void;
  /** Drops the typed text for the saved one. */
  readonly takeSaved: () => void;
}

const identical = (a: string, b: string): boolean => a === b;

/**
 * `same` tells two texts that save to the same value apart from different ones (typed "23.50" comes back as
 * "23.5"): the default is equal text.
 */
export function useDraftText(key: string, saved: string, same: (a: string, b: string) => boolean = identical): DraftText {
  const [draft, setDraft] = useState<Draft>(() => freshDraft(key, saved));
  /** Texts this field handed on to be saved, for the lesion they were typed for. */
  const sent = useRef<{ readonly key: string; readonly texts: string[] }>({ key, texts: [] });

  // Adjusted while rendering (React's pattern for state that follows a prop), so the field never shows a stale value.
  // The texts are read, never changed, while rendering: React may render twice for one change.
  const current = followSaved(draft, key, saved, (value) => sent.current.key === key && sent.current.texts.some((t) => same(t, value)), same);
  if (current !== draft) setDraft(current);

  const setText = useCallback((text: string) => setDraft((d) => ({ ...d, text })), []);
  const saving = (text: string): void => {
    sent.current = { key, texts: sent.current.key === key ? [...sent.current.texts, text] : [text] };
    setDraft((d) => ({ ...d, elsewhere: undefined }));
  };
  const takeSaved = useCallback(() => setDraft((d) => ({ ...d, text: d.base, elsewhere: undefined })), []);
  return { text: current.text, setText, changedElsewhere: current.elsewhere, saving, takeSaved };
}
