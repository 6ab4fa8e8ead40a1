import { describe, expect, it } from 'vitest';
import { afterRedo, afterUndo, EMPTY_HISTORY, HISTORY_LIMIT, nextRedo, nextUndo, recordEdit, type UndoEntry } from '../../../src/app/tracking/undoHistory';

const entry = (label: string): UndoEntry => ({ label, undo: async () => true, redo: async () => true });

describe('undo history', () => {
  it('undoes the latest edit first, and redoes what was undone last', () => {
    let h = recordEdit(recordEdit(EMPTY_HISTORY, entry('a')), entry('b'));
    expect(nextUndo(h)?.label).toBe('b');
    h = afterUndo(h);
    expect(nextUndo(h)?.label).toBe('a');
    expect(nextRedo(h)?.label).toBe('b');
    h = afterRedo(h);
    expect(nextUndo(h)?.label).toBe('b');
    expect(nextRedo(h)).toBeUndefined();
  });

  it('a new edit after an undo drops what could have been redone', () => {
    const h = recordEdit(afterUndo(recordEdit(EMPTY_HISTORY, entry('a'))), entry('c'));
    expect(nextRedo(h)).toBeUndefined();
    expect(h.done.map((e) => e.label)).toEqual(['c']);
  });

  it('keeps the last HISTORY_LIMIT edits', () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = recordEdit(h, entry(String(i)));
    expect(h.done).toHaveLength(HISTORY_LIMIT);
    expect(h.done[0]?.label).toBe('5');
  });

  it('undo and redo on an empty side change nothing', () => {
    expect(afterUndo(EMPTY_HISTORY)).toBe(EMPTY_HISTORY);
    expect(afterRedo(EMPTY_HISTORY)).toBe(EMPTY_HISTORY);
  });
});
