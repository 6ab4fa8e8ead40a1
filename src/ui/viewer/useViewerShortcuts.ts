// The viewer's keys, on the window: shortcuts act wherever the focus is (viewport, scrollbar, toolbar, nowhere),
// except while typing in a form field or choosing in a select, and never with Ctrl/Alt/Cmd (the browser's keys).
import { useEffect, useRef } from 'react';
import { actionForKey, isSliceKey, type ViewerAction } from './shortcuts';

export interface ViewerShortcutHandlers {
  readonly enabled: boolean;
  readonly onAction: (action: ViewerAction) => void;
  /** A slice key that no viewport or scrollbar handled (the focus was on the toolbar or the page). */
  readonly onSliceKey: (key: string) => void;
}

const BUTTON_INPUT_TYPES = new Set(['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'file', 'color']);

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !BUTTON_INPUT_TYPES.has(target.type);
}

export function useViewerShortcuts(handlers: ViewerShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { enabled, onAction, onSliceKey } = latest.current;
      // Handled already: a viewport or the scrollbar moved the slice.
      if (!enabled || event.defaultPrevented || event.isComposing || isFormField(event.target)) return;
      const action = actionForKey(event);
      if (action) {
        event.preventDefault();
        onAction(action);
      } else if (isSliceKey(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        onSliceKey(event.key);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
