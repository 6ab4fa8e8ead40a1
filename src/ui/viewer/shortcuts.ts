// Every keyboard shortcut and mouse action of the reading viewer, as data: the key handler and the help panel both
// read this table, so the help can never list a key that does nothing, nor miss one that does something.
import type { ViewCommand } from '../../viewer/viewCommand';
import { WINDOW_PRESETS } from '../../viewer/windowPresets';

export type ViewerAction =
  | { readonly kind: 'command'; readonly command: ViewCommand }
  | { readonly kind: 'toggleLink' }
  | { readonly kind: 'help' };

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
  { keys: ['?', 'h'], label: 'Show this help', action: { kind: 'help' } },
];

/** Keys the viewports handle themselves (stackNavigation.ts); listed in the help, routed to the active viewport. */
export const NAVIGATION_KEYS: readonly { readonly keys: readonly string[]; readonly label: string }[] = [
  { keys: ['ArrowUp', 'ArrowDown'], label: 'Previous / next slice' },
  { keys: ['PageUp', 'PageDown'], label: 'Back / forward a tenth of the series' },
  { keys: ['Home', 'End'], label: 'First / last slice' },
  { keys: ['Tab'], label: 'Next viewport or control (the focused viewport is the active one)' },
  { keys: ['Escape'], label: 'Close this help' },
];

export const MOUSE_ACTIONS: readonly { readonly gesture: string; readonly label: string }[] = [
  { gesture: 'Wheel', label: 'Scroll through slices' },
  { gesture: 'Left-drag', label: 'Window: right/left widens/narrows, down/up raises/lowers the level' },
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
