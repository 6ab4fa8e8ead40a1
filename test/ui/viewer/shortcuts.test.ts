import { describe, expect, it } from 'vitest';
import { actionForKey, isSliceKey, keyCaption, MOUSE_ACTIONS, NAVIGATION_KEYS, RECORD_KEYS, SHORTCUTS, type ViewerAction } from '../../../src/ui/viewer/shortcuts';
import { WINDOW_PRESETS } from '../../../src/viewer/windowPresets';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  actionForKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe('actionForKey', () => {
  it.each<[string, ViewerAction | undefined]>([
    ['1', { kind: 'command', command: { kind: 'preset', preset: 'softTissue' } }],
    ['2', { kind: 'command', command: { kind: 'preset', preset: 'liver' } }],
    ['3', { kind: 'command', command: { kind: 'preset', preset: 'lung' } }],
    ['4', { kind: 'command', command: { kind: 'preset', preset: 'bone' } }],
    ['5', { kind: 'command', command: { kind: 'preset', preset: 'brain' } }],
    ['f', { kind: 'command', command: { kind: 'fit' } }],
    ['F', { kind: 'command', command: { kind: 'fit' } }],
    ['r', { kind: 'command', command: { kind: 'reset' } }],
    ['i', { kind: 'command', command: { kind: 'invert' } }],
    ['l', { kind: 'toggleLink' }],
    ['?', { kind: 'help' }],
    ['h', { kind: 'help' }],
    ['w', { kind: 'tool', tool: 'windowLevel' }],
    ['m', { kind: 'tool', tool: 'long-axis' }],
    ['M', { kind: 'tool', tool: 'long-axis' }],
    ['b', { kind: 'tool', tool: 'bidirectional' }],
    ['Delete', { kind: 'deleteSelected' }],
    ['Backspace', { kind: 'deleteSelected' }],
    ['Escape', { kind: 'escape' }],
    ['c', { kind: 'tool', tool: 'oneClick' }],
    ['C', { kind: 'tool', tool: 'oneClick' }],
    ['s', { kind: 'suggest' }],
    ['Enter', { kind: 'accept' }],
    ['6', undefined],
    ['ArrowDown', undefined],
  ])('%s', (key, expected) => expect(press(key)).toEqual(expected));

  it.each(['ctrlKey', 'metaKey', 'altKey'] as const)('leaves the browser its keys: %s + R is not reset', (modifier) => {
    expect(press('r', { [modifier]: true })).toBeUndefined();
  });
});

describe('the shortcut table', () => {
  it('no key does two things', () => {
    const keys = [...SHORTCUTS, ...NAVIGATION_KEYS, ...RECORD_KEYS].flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('every window preset has a key, 1 to 5 in toolbar order', () => {
    expect(WINDOW_PRESETS.map((p) => SHORTCUTS.find((s) => s.action.kind === 'command'
      && s.action.command.kind === 'preset' && s.action.command.preset === p.id)?.keys[0])).toEqual(['1', '2', '3', '4', '5']);
  });
  it('the slice keys are the ones the viewport handles', () => {
    expect(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'].every(isSliceKey)).toBe(true);
    expect(isSliceKey('ArrowLeft')).toBe(false);
  });
  it('mouse help names every drag tool', () => {
    const gestures = MOUSE_ACTIONS.map((m) => m.gesture).join(' ');
    for (const g of ['Wheel', 'Left-drag', 'Right-drag', 'Ctrl + wheel', 'Middle-drag', 'Shift + left-drag']) expect(gestures).toContain(g);
  });
  it('every left-button tool has a key: W, M, B', () => {
    const keyOf = (tool: string) => SHORTCUTS.find((s) => s.action.kind === 'tool' && s.action.tool === tool)?.keys;
    expect([keyOf('windowLevel'), keyOf('long-axis'), keyOf('bidirectional')]).toEqual([['w'], ['m'], ['b']]);
  });
  it('mouse help says how to measure, move a handle and select', () => {
    const gestures = MOUSE_ACTIONS.map((m) => m.gesture).join(' ');
    for (const g of ['Long axis or Bidirectional', 'on a handle', 'Click on a measurement']) expect(gestures).toContain(g);
  });
});

describe('keyCaption', () => {
  it.each([['ArrowUp', '↑'], ['PageDown', 'PgDn'], ['f', 'F'], ['?', '?'], ['Home', 'Home'], ['Escape', 'Esc'], ['Delete', 'Del']])('%s -> %s', (key, caption) => {
    expect(keyCaption(key)).toBe(caption);
  });
});
