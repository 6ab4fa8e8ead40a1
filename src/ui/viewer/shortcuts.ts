// Every keyboard shortcut and mouse action of the reading viewer, as data: the key handler and the help panel both
// read this table, so the help can never list a key that does nothing, nor miss one that does something.
import type { ViewCommand } from '../../viewer/viewCommand';
import type { ViewerTool } from '../../viewer/viewerTool';
import { WINDOW_PRESETS } from '../../viewer/windowPresets';

export type ViewerAction =
  | { readonly kind: 'command'; readonly command: ViewCommand }
  | { readonly kind: 'toggleLink' }
  | { readonly kind: 'help' }
  /** Choose what the left button does; choosing the measuring tool in use again goes back to window/level. */
  | { readonly kind: 'tool'; readonly tool: ViewerTool }
  /** Cancel the measurement being drawn or edited; with none, back to window/level. */
  | { readonly kind: 'escape' }
  /** Ask the app to delete the selected measurement (it confirms). */
  | { readonly kind: 'deleteSelected' }
  /** Accept the proposed measurement onto the selected lesion (one-click, Suggest). */
  | { readonly kind: 'accept' }
  /** Find the selected lesion on the follow-up, near where it was at baseline, and propose its measurement. */
  | { readonly kind: 'suggest' };

export interface Shortcut {
  /** KeyboardEvent.key values, letters in lower case; the first is the one shown. */
  readonly keys: readonly string[];
  readonly label: string;
  readonly action: ViewerAction;
}

export const SHORTCUTS: readonly Shortcut[] = [
  ...WINDOW_PRESETS.map((preset, i): Shortcut => ({
    keys: [String(i + 1)],
    label: `${preset.label} window (WW ${preset.width} / WL ${preset.centre})`,
    action: { kind: 'command', command: { kind: 'preset', preset: preset.id } },
  })),
  { keys: ['f'], label: 'Fit the image to the viewport', action: { kind: 'command', command: { kind: 'fit' } } },
  { keys: ['r'], label: 'Reset: window from the file, fit, not inverted', action: { kind: 'command', command: { kind: 'reset' } } },
  { keys: ['i'], label: 'Invert grey scale', action: { kind: 'command', command: { kind: 'invert' } } },
  { keys: ['l'], label: 'Link scrolling of the two viewports (keeps their current offset)', action: { kind: 'toggleLink' } },
  { keys: ['w'], label: 'Window/level with the left button (stop measuring)', action: { kind: 'tool', tool: 'windowLevel' } },
  { keys: ['m'], label: 'Long axis: measure a diameter by left-drag (M again: back to window/level)', action: { kind: 'tool', tool: 'long-axis' } },
  {
    keys: ['b'],
    label: 'Bidirectional: long axis by left-drag, then a perpendicular short axis (B again: back to window/level)',
    action: { kind: 'tool', tool: 'bidirectional' },
  },
  {
    keys: ['c'],
    label: 'Click to measure: a click inside a lesion outlines it and proposes its long and short axis (C again: back to window/level)',
    action: { kind: 'tool', tool: 'oneClick' },
  },
  {
    keys: ['s'],
    label: 'Suggest: find the selected lesion on the follow-up near where it was at baseline, and propose its measurement',
    action: { kind: 'suggest' },
  },
  { keys: ['Enter'], label: 'Accept the proposed measurement onto the selected lesion (as if drawn)', action: { kind: 'accept' } },
  { keys: ['Delete', 'Backspace'], label: 'Delete the selected measurement (asks first)', action: { kind: 'deleteSelected' } },
  { keys: ['Escape'], label: 'Cancel the measurement being drawn, or discard the proposed one; else back to window/level; closes this help', action: { kind: 'escape' } },
  { keys: ['?', 'h'], label: 'Show this help', action: { kind: 'help' } },
];

/** Keys the viewports handle themselves (stackNavigation.ts); listed in the help, routed to the active viewport. */
export const NAVIGATION_KEYS: readonly { readonly keys: readonly string[]; readonly label: string }[] = [
  { keys: ['ArrowUp', 'ArrowDown'], label: 'Previous / next slice' },
  { keys: ['PageUp', 'PageDown'], label: 'Back / forward a tenth of the series' },
  { keys: ['Home', 'End'], label: 'First / last slice' },
  { keys: ['Tab'], label: 'Next viewport or control (the focused viewport is the active one)' },
];

/** Keys the lesion record handles (app/tracking: useNextLesionKey, useUndoKeys); listed in the help beside the viewer's. */
export const RECORD_KEYS: readonly { readonly keys: readonly string[]; readonly label: string }[] = [
  { keys: ['n'], label: 'Next lesion: the next one with nothing recorded at this follow-up, shown in both panes' },
  { keys: ['Ctrl+Z'], label: 'Undo the last change to the record' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], label: 'Redo' },
];

export const MOUSE_ACTIONS: readonly { readonly gesture: string; readonly label: string }[] = [
  { gesture: 'Wheel', label: 'Scroll through slices' },
  { gesture: 'Left-drag', label: 'Window: right/left widens/narrows, down/up raises/lowers the level' },
  { gesture: 'Left-drag with Long axis or Bidirectional', label: 'Measure: press at one edge of the lesion, release at the other' },
  { gesture: 'Click with Click to measure', label: 'Inside a lesion: its outline and a proposed measurement; a click elsewhere accepts the proposal' },
  { gesture: 'Left-drag on a handle', label: 'Move that end of a measurement; a short-axis end stays perpendicular' },
  { gesture: 'Click on a measurement', label: 'Select it (Delete removes it)' },
  { gesture: 'Right-drag', label: 'Zoom about the point clicked: up zooms in' },
  { gesture: 'Ctrl + wheel', label: 'Zoom about the pointer' },
  { gesture: 'Middle-drag or Shift + left-drag', label: 'Pan' },
  { gesture: 'Click', label: 'Make a viewport active (toolbar and keys act on it)' },
  { gesture: 'Scrollbar', label: 'Click or drag to go to a slice' },
];

/** How a key reads in the help: arrows as arrows, letters in capitals. */
export function keyCaption(key: string): string {
  switch (key) {
    case 'ArrowUp': return '↑';
    case 'ArrowDown': return '↓';
    case 'PageUp': return 'PgUp';
    case 'PageDown': return 'PgDn';
    case 'Escape': return 'Esc';
    case 'Delete': return 'Del';
    default: return key.length === 1 ? key.toUpperCase() : key;
  }
}

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** The viewer action for a key press; undefined for keys that are not ours, or that the browser owns (Ctrl+R). */
export function actionForKey(press: KeyPress): ViewerAction | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return SHORTCUTS.find((s) => s.keys.includes(key))?.action;
}

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);
export const isSliceKey = (key: string): boolean => SCROLL_KEYS.has(key);
