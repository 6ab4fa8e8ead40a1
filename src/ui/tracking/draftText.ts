// The rule of a typed field over a saved value that another tab may change: pure, so each case is a unit test;
// useDraftText.ts ties it to React.

export interface Draft {
  /** The field it belongs to: another lesion starts from its own saved value. */
  readonly key: string;
  /** The saved value the text was last in step with. */
  readonly base: string;
  readonly text: string;
  /** The value another tab saved while this text was being typed. */
  readonly elsewhere: string | undefined;
}

export const freshDraft = (key: string, saved: string): Draft => ({ key, base: saved, text: saved, elsewhere: undefined });

/**
 * The draft once the saved value is `saved`: an untouched text follows it; a text being typed is kept, and the new
 * value is remembered as another tab's unless this field saved it itself (`ownSave`). `same` tells texts that save
 * to the same value ("23.50" and "23.5").
 */
export function followSaved(
  draft: Draft,
  key: string,
  saved: string,
  ownSave: (saved: string) => boolean,
  same: (a: string, b: string) => boolean,
): Draft {
  if (draft.key !== key) return freshDraft(key, saved);
  if (draft.base === saved) return draft;
  const untouched = draft.text === draft.base || same(draft.text, saved);
  if (untouched) return freshDraft(key, saved);
  return { key, base: saved, text: draft.text, elsewhere: ownSave(saved) ? draft.elsewhere : saved };
}
