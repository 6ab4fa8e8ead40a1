// The reading toolbar: window presets, fit, reset, invert for the active viewport; the left button's tool (window/level,
// long axis, bidirectional, click to measure) for both; link scrolling; help.
// Buttons keep the focus where it was (in the viewport), so the keys keep scrolling after a click.
import type { MouseEvent, ReactNode } from 'react';
import type { ViewCommand } from '../../viewer/viewCommand';
import type { ViewerTool } from '../../viewer/viewerTool';
import { WINDOW_PRESETS, type WindowPresetId } from '../../viewer/windowPresets';
import { keyCaption, SHORTCUTS, type ViewerAction } from './shortcuts';

export interface ViewerToolbarProps {
  /** Title of the viewport the toolbar acts on ("Baseline"). */
  readonly activeTitle: string;
  readonly preset: WindowPresetId | undefined;
  readonly inverted: boolean;
  readonly linked: boolean;
  /** Linking needs two viewports. */
  readonly canLink: boolean;
  /** What the left button does, in every viewport. */
  readonly tool: ViewerTool;
  readonly onAction: (action: ViewerAction) => void;
}

const TOOL_BUTTONS: readonly { readonly tool: ViewerTool; readonly label: string; readonly hint: string }[] = [
  { tool: 'windowLevel', label: 'Window/level', hint: 'Left-drag sets the window' },
  { tool: 'long-axis', label: 'Long axis', hint: 'Measure a diameter: left-drag from edge to edge' },
  { tool: 'bidirectional', label: 'Bidirectional', hint: 'Long axis by left-drag, then a perpendicular short axis to adjust' },
];
const ONE_CLICK = { tool: 'oneClick', label: 'Click to measure', hint: 'Click inside a lesion: its outline and a measurement to accept (Enter) or discard (Esc)' } as const;

const keepFocus = (event: MouseEvent) => event.preventDefault();

/** The key(s) that do the same as a button ("F"; "?", "H"), from the shortcut table. */
function shortcutFor(matches: (action: ViewerAction) => boolean): readonly string[] | undefined {
  return SHORTCUTS.find((s) => matches(s.action))?.keys.map(keyCaption);
}
const commandKey = (kind: ViewCommand['kind'], preset?: WindowPresetId) =>
  shortcutFor((a) => a.kind === 'command' && a.command.kind === kind && (preset === undefined || (a.command.kind === 'preset' && a.command.preset === preset)));

interface ToolButtonProps {
  readonly label: string;
  readonly hint: string;
  readonly shortcut: readonly string[] | undefined;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  readonly onClick: () => void;
  readonly children?: ReactNode;
}

function ToolButton({ label, hint, shortcut, pressed, disabled = false, onClick, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.join(' ')}
      title={shortcut ? `${hint} (${shortcut.join(' or ')})` : hint}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onClick}
    >
      {children ?? label}
      {shortcut && <kbd className="tool-button__key" aria-hidden="true">{shortcut[0]}</kbd>}
    </button>
  );
}

export function ViewerToolbar({ activeTitle, preset, inverted, linked, canLink, tool, onAction }: ViewerToolbarProps) {
  const command = (c: ViewCommand) => onAction({ kind: 'command', command: c });
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="Viewer tools">
      <div className="viewer-toolbar__group" role="group" aria-label="Window presets">
        {WINDOW_PRESETS.map((p) => (
          <ToolButton
            key={p.id}
            label={p.label}
            hint={`${p.label} window: WW ${p.width} / WL ${p.centre}`}
            shortcut={commandKey('preset', p.id)}
            pressed={preset === p.id}
            onClick={() => command({ kind: 'preset', preset: p.id })}
          />
        ))}
      </div>
      <div className="viewer-toolbar__group" role="group" aria-label="View">
        <ToolButton label="Fit" hint="Fit the image to the viewport" shortcut={commandKey('fit')} onClick={() => command({ kind: 'fit' })} />
        <ToolButton label="Reset" hint="Window from the file, fitted, not inverted" shortcut={commandKey('reset')} onClick={() => command({ kind: 'reset' })} />
        <ToolButton label="Invert" hint="Invert the grey scale" shortcut={commandKey('invert')} pressed={inverted} onClick={() => command({ kind: 'invert' })} />
      </div>
      <div className="viewer-toolbar__group" role="group" aria-label="Left button">
        {TOOL_BUTTONS.map((b) => (
          <ToolButton
            key={b.tool}
            label={b.label}
            hint={b.hint}
            shortcut={shortcutFor((a) => a.kind === 'tool' && a.tool === b.tool)}
            pressed={tool === b.tool}
            onClick={() => onAction({ kind: 'tool', tool: b.tool })}
          />
        ))}
      </div>
      <div className="viewer-toolbar__group" role="group" aria-label="Comparison">
        <ToolButton
          label="Link scrolling"
          hint={canLink ? 'Scroll both viewports together, keeping their current offset' : 'Open two series to link their scrolling'}
          shortcut={shortcutFor((a) => a.kind === 'toggleLink')}
          pressed={linked}
          disabled={!canLink}
          onClick={() => onAction({ kind: 'toggleLink' })}
        />
      </div>
      {/* A left-button tool too, in a group of its own: in the Left button group it wrapped the toolbar in a narrow column. */}
      <div className="viewer-toolbar__group" role="group" aria-label="One-click measurement">
        <ToolButton
          label={ONE_CLICK.label}
          hint={ONE_CLICK.hint}
          shortcut={shortcutFor((a) => a.kind === 'tool' && a.tool === ONE_CLICK.tool)}
          pressed={tool === ONE_CLICK.tool}
          onClick={() => onAction({ kind: 'tool', tool: ONE_CLICK.tool })}
        />
      </div>
      <span className="viewer-toolbar__spacer" />
      <span className="viewer-toolbar__target" data-testid="active-pane-label">
        Acting on <strong>{activeTitle}</strong>
      </span>
      <ToolButton label="Help" hint="Keyboard shortcuts and mouse actions" shortcut={shortcutFor((a) => a.kind === 'help')} onClick={() => onAction({ kind: 'help' })} />
    </div>
  );
}
