// The viewer's keys, on the window: shortcuts act wherever the focus is (viewport, scrollbar, toolbar, nowhere),
// except while typing in a form field or choosing in a select, and never with Ctrl/Alt/Cmd (the browser's keys).
import { useEffect, useRef } from 'react';
import { actionForKey, isSliceKey, type ViewerAction } from './shortcuts';

export interface ViewerShortcutHandlers {
  readonly onAction: (action: ViewerAction) => void;
  /** A slice key that no viewport or scrollbar handled (the focus was on the toolbar or the page). */
  readonly onSliceKey: (key: string) => void;
}

const BUTTON_INPUT_TYPES = new Set(['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'file', 'color']);

/**
 * A key pressed inside a dialog (the help panel is modal, so while it is open every key comes from inside it) is the
 * dialog's. Asked of the DOM, not of React state: the moment the dialog closes, the viewer's keys work again.
 */
const isInDialog = (target: EventTarget | null): boolean => target instanceof Element && target.closest('dialog') !== null;

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !BUTTON_INPUT_TYPES.has(target.type);
}

const isActivatable = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('button, a[href], summary, [role="button"], [role="link"]') !== null;

export function useViewerShortcuts(handlers: ViewerShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { onAction, onSliceKey } = latest.current;
      // Handled already: a viewport or the scrollbar moved the slice.
      if (event.defaultPrevented || event.isComposing || isFormField(event.target) || isInDialog(event.target)) return;
      const action = actionForKey(event);
      // Enter on a button or link is that control's: it accepts a proposal only from the image or the page.
      if (action?.kind === 'accept' && isActivatable(event.target)) return;
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
