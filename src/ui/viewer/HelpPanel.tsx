// The keyboard and mouse reference, as a modal dialog (native <dialog>: focus is trapped inside, Esc closes it and
// the focus goes back to where it was). Its rows come from the same table the key handler uses.
// The element stays mounted and whether it is open is the DOM's alone: with a React flag beside it, a key pressed
// between the dialog closing and its close event (a queued task) found the flag still set and opened nothing.
import { useId, useImperativeHandle, useRef, type Ref } from 'react';
import { keyCaption, MOUSE_ACTIONS, NAVIGATION_KEYS, RECORD_KEYS, SHORTCUTS } from './shortcuts';

// Set by vite.config.ts (define); absent under a bare test runner.
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';

export interface HelpPanelHandle {
  /** Shows the panel as a modal dialog; does nothing when it is open already. */
  readonly open: () => void;
}

export function HelpPanel({ handleRef }: { readonly handleRef: Ref<HelpPanelHandle> }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useImperativeHandle(handleRef, () => ({
    open: () => {
      const dialog = ref.current;
      if (dialog && !dialog.open) dialog.showModal();
    },
  }), []);

  const keyRows = [...SHORTCUTS, ...NAVIGATION_KEYS, ...RECORD_KEYS];
  return (
    <dialog
      ref={ref}
      className="help-panel"
      aria-labelledby={titleId}
      data-testid="help-panel"
      // A click on the backdrop (the dialog element itself, outside its content) closes it.
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      <div className="help-panel__content">
        <header className="help-panel__header">
          <h2 id={titleId} className="help-panel__title">Keyboard and mouse</h2>
          <button type="button" className="button" onClick={() => ref.current?.close()} autoFocus>Close</button>
        </header>
        <div className="help-panel__columns">
          <section aria-label="Keyboard shortcuts">
            <h3 className="help-panel__heading">Keyboard</h3>
            <table className="help-panel__table">
              <tbody>
                {keyRows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">
                      {row.keys.map((k, i) => (
                        <span key={k}>{i > 0 && <span className="help-panel__or"> / </span>}<kbd>{keyCaption(k)}</kbd></span>
                      ))}
                    </th>
                    <td>{row.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-label="Mouse actions">
            <h3 className="help-panel__heading">Mouse</h3>
            <table className="help-panel__table">
              <tbody>
                {MOUSE_ACTIONS.map((row) => (
                  <tr key={row.gesture}>
                    <th scope="row">{row.gesture}</th>
                    <td>{row.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <p className="help-panel__version" data-testid="app-version">recist-reader {APP_VERSION} · build {BUILD_ID}</p>
      </div>
    </dialog>
  );
}
