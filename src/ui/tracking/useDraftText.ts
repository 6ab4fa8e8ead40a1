// Text the reader types into a saved field (a lesion's location, its millimetres read from a report): it follows the saved value while the reader has
// not changed it, and is kept when another tab saves the same field in the middle of the typing, with the other
// tab's text at hand to say so. Replacing it silently lost what was being typed.
import { useCallback, useRef, useState } from 'react';

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

interface Draft {
  /** The field it belongs to: another lesion starts from its own saved value. */
  readonly key: string;
  /** The saved value the text was last in step with. */
  readonly base: string;
  readonly text: string;
  readonly elsewhere: string | undefined;
}

const identical = (a: string, b: string): boolean => a === b;

/**
 * `same` tells two texts that save to the same value apart from different ones (typed "23.50" comes back as
 * "23.5"): the default is equal text.
 */
export function useDraftText(key: string, saved: string, same: (a: string, b: string) => boolean = identical): DraftText {
  const [draft, setDraft] = useState<Draft>({ key, base: saved, text: saved, elsewhere: undefined });
  /** Texts this field handed on to be saved, for the lesion they were typed for. */
  const sent = useRef<{ readonly key: string; readonly texts: string[] }>({ key, texts: [] });

  // Adjusted while rendering (React's pattern for state that follows a prop), so the field never shows a stale value.
  let current = draft;
  if (draft.key !== key) {
    current = { key, base: saved, text: saved, elsewhere: undefined };
  } else if (draft.base !== saved) {
    // Read, never changed, while rendering: React may render twice for one change.
    const ours = sent.current.key === key && sent.current.texts.some((t) => same(t, saved));
    const untouched = draft.text === draft.base || same(draft.text, saved);
    current = untouched
      ? { key, base: saved, text: saved, elsewhere: undefined }
      : { key, base: saved, text: draft.text, elsewhere: ours ? draft.elsewhere : saved };
  }
  if (current !== draft) setDraft(current);

  const setText = useCallback((text: string) => setDraft((d) => ({ ...d, text })), []);
  const saving = (text: string): void => {
    sent.current = { key, texts: sent.current.key === key ? [...sent.current.texts, text] : [text] };
    setDraft((d) => ({ ...d, elsewhere: undefined }));
  };
  const takeSaved = useCallback(() => setDraft((d) => ({ ...d, text: d.base, elsewhere: undefined })), []);
  return { text: current.text, setText, changedElsewhere: current.elsewhere, saving, takeSaved };
}
