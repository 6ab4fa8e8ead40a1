// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on a Mac), except while typing in a field, where the browser's
// own text undo belongs.
import { useEffect, useRef } from 'react';

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLTextAreaElement
    || (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(target.type)));

export function useUndoKeys(onUndoRedo: (which: 'undo' | 'redo') => void): void {
  const latest = useRef(onUndoRedo);
  latest.current = onUndoRedo;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        latest.current(event.shiftKey ? 'redo' : 'undo');
      } else if (key === 'y' && !event.shiftKey) {
        event.preventDefault();
        latest.current('redo');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
