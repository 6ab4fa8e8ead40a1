// The undo history of the reader's edits on this screen: each edit is written through `run`, which records it, and
// undo and redo (the panel's buttons and the keys) write its snapshots back. Saved edits outlive the history.
import { useCallback, useRef, useState } from 'react';
import type { StoreError } from '../../store/storeError';
import type { Notice } from '../../ui/tracking/trackingIntent';
import type { Edit } from './measurementEdits';
import { afterRedo, afterUndo, EMPTY_HISTORY, nextRedo, nextUndo, recordEdit, type UndoEntry, type UndoState } from './undoHistory';
import { useUndoKeys } from './useUndoKeys';

export interface EditHistory {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Writes an edit and records it; resolves to whether the store took it. */
  readonly run: (edit: Edit) => Promise<boolean>;
  readonly undoOrRedo: (which: 'undo' | 'redo') => Promise<void>;
  readonly clear: () => void;
}

export interface EditFeedback {
  readonly setNotice: (notice: Notice | undefined) => void;
  readonly refused: (error: StoreError) => void;
  readonly refreshStorage: () => void;
}

export function useEditHistory({ setNotice, refused, refreshStorage }: EditFeedback): EditHistory {
  // The history lives in a ref so that an undo pressed right after an edit sees that edit (state would lag a render);
  // the state copy re-renders the Undo and Redo buttons.
  const historyRef = useRef<UndoState>(EMPTY_HISTORY);
  const [history, setHistoryState] = useState<UndoState>(EMPTY_HISTORY);
  const setHistory = useCallback((next: (h: UndoState) => UndoState) => {
    historyRef.current = next(historyRef.current);
    setHistoryState(historyRef.current);
  }, []);
  // The edit being written: an undo waits for it, so it never undoes the edit before.
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());

  const record = useCallback((entry: UndoEntry) => {
    setHistory((h) => recordEdit(h, entry));
    setNotice(undefined);
    refreshStorage();
  }, [refreshStorage, setHistory, setNotice]);

  const run = useCallback(async (edit: Edit) => {
    const recorded = edit.then((result) => {
      if (result.ok) record(result.value);
      else refused(result.error);
      return result.ok;
    });
    inFlight.current = recorded;
    return recorded;
  }, [record, refused]);

  // Undo and redo queue behind the edit being written and behind each other: two quick presses undo two steps.
  const undoOrRedo = useCallback((which: 'undo' | 'redo') => {
    const step = inFlight.current.then(async () => {
      const entry = which === 'undo' ? nextUndo(historyRef.current) : nextRedo(historyRef.current);
      if (!entry) return;
      const done = await (which === 'undo' ? entry.undo() : entry.redo());
      if (done) setHistory((current) => (which === 'undo' ? afterUndo(current) : afterRedo(current)));
      else setNotice({ tone: 'error', text: `Could not ${which} "${entry.label}": the record has changed since (signed off, or edited in another tab). Nothing was lost.` });
    });
    inFlight.current = step;
    return step;
  }, [setHistory, setNotice]);
  useUndoKeys(undoOrRedo);

  const clear = useCallback(() => setHistory(() => EMPTY_HISTORY), [setHistory]);

  return { canUndo: nextUndo(history) !== undefined, canRedo: nextRedo(history) !== undefined, run, undoOrRedo, clear };
}
