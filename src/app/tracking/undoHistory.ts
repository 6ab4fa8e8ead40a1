// Undo and redo of the reader's edits: each edit is recorded as the two writes that take it back and do it again
// (snapshots of the rows before and after), so undoing never recomputes anything and survives no reload by design:
// what is saved is what is on screen.

export interface UndoEntry {
  /** "Measure T1", "Move T1" — for the button's title. */
  readonly label: string;
  /** Both resolve to false when the store refused (e.g. the time point has been signed off since). */
  readonly undo: () => Promise<boolean>;
  readonly redo: () => Promise<boolean>;
}

export interface UndoState {
  readonly done: readonly UndoEntry[];
  readonly undone: readonly UndoEntry[];
}

export const EMPTY_HISTORY: UndoState = { done: [], undone: [] };
/** A reading session's worth; older edits stay saved, only their undo is forgotten. */
export const HISTORY_LIMIT = 100;

/** A new edit: it can be undone, and whatever was undone before can no longer be redone. */
export const recordEdit = (state: UndoState, entry: UndoEntry): UndoState =>
  ({ done: [...state.done, entry].slice(-HISTORY_LIMIT), undone: [] });

export const nextUndo = (state: UndoState): UndoEntry | undefined => state.done[state.done.length - 1];
export const nextRedo = (state: UndoState): UndoEntry | undefined => state.undone[state.undone.length - 1];

/** After the undo write succeeded. */
export const afterUndo = (state: UndoState): UndoState => {
  const entry = nextUndo(state);
  return entry ? { done: state.done.slice(0, -1), undone: [...state.undone, entry] } : state;
};

/** After the redo write succeeded. */
export const afterRedo = (state: UndoState): UndoState => {
  const entry = nextRedo(state);
  return entry ? { done: [...state.done, entry], undone: state.undone.slice(0, -1) } : state;
};
