// Baseline and follow-up side by side (or one series alone): one toolbar acting on the active pane, linked
// scrolling by slice position, keyboard shortcuts and their help panel.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { CtSeries } from '../../dicom/ctSeries';
import { assertNever } from '../../shared/assertNever';
import { HelpPanel, type HelpPanelHandle } from './HelpPanel';
import type { PaneDisplay, SeriesViewerHandle } from './SeriesViewer';
import type { ViewerAction } from './shortcuts';
import { useLinkedScrolling } from './useLinkedScrolling';
import { useViewerShortcuts } from './useViewerShortcuts';
import { ViewerPane } from './ViewerPane';
import { ViewerToolbar } from './ViewerToolbar';

export interface ComparisonPane {
  /** Stable per series shown: a new key starts that pane afresh (slice 1, the file's window). */
  readonly key: string;
  readonly series: CtSeries;
  /** Pane heading, e.g. "Baseline". */
  readonly title: string;
  /** The time point for the overlay ("Baseline", "3-month follow-up"), when known. */
  readonly timePoint?: string;
  /** A control in the pane's header, e.g. the choice of follow-up. */
  readonly header?: ReactNode;
}

export interface ComparisonViewerProps {
  /** One or two panes, left to right. */
  readonly panes: readonly ComparisonPane[];
}

const NO_DISPLAY: PaneDisplay = { preset: undefined, inverted: false };

export function ComparisonViewer({ panes }: ComparisonViewerProps) {
  const handles = useRef(new Map<string, SeriesViewerHandle>());
  const [activeKey, setActiveKey] = useState<string | undefined>(panes[0]?.key);
  const [displays, setDisplays] = useState<ReadonlyMap<string, PaneDisplay>>(new Map());
  const help = useRef<HelpPanelHandle>(null);
  const link = useLinkedScrolling(panes, handles);
  const active = panes.find((p) => p.key === activeKey) ?? panes[0];
  const activeRef = useRef(active?.key);
  activeRef.current = active?.key;
  const linkRef = useRef(link);
  linkRef.current = link;

  const activeHandle = () => (activeRef.current !== undefined ? handles.current.get(activeRef.current) : undefined);

  const onAction = (action: ViewerAction) => {
    switch (action.kind) {
      case 'command': return activeHandle()?.apply(action.command);
      case 'toggleLink': return panes.length > 1 ? link.toggle() : undefined;
      case 'help': return help.current?.open();
      default: return assertNever(action, 'viewer action');
    }
  };

  useViewerShortcuts({ onAction, onSliceKey: (key) => activeHandle()?.navigate(key) });

  // Stable callbacks, so the memoised panes do not re-render when the toolbar's state changes.
  const onActivate = useCallback((key: string) => setActiveKey(key), []);
  const onUserScroll = useCallback((key: string, index: number) => linkRef.current.onUserScroll(key, index), []);
  const onDisplayChange = useCallback((key: string, display: PaneDisplay) => {
    setDisplays((previous) => {
      const old = previous.get(key);
      if (old && old.preset === display.preset && old.inverted === display.inverted) return previous;
      return new Map(previous).set(key, display);
    });
  }, []);
  // One ref callback per pane key for the component's life, so React does not detach and reattach it every render.
  const refs = useRef(new Map<string, (handle: SeriesViewerHandle | null) => void>());
  const refFor = (key: string) => {
    let ref = refs.current.get(key);
    if (!ref) {
      ref = (handle) => {
        if (handle) handles.current.set(key, handle);
        else handles.current.delete(key);
      };
      refs.current.set(key, ref);
    }
    return ref;
  };

  const display = (active && displays.get(active.key)) || NO_DISPLAY;
  return (
    <div className="comparison-viewer">
      <ViewerToolbar
        activeTitle={active?.title ?? ''}
        preset={display.preset}
        inverted={display.inverted}
        linked={link.linked}
        canLink={panes.length > 1}
        onAction={onAction}
      />
      <div className="comparison-viewer__panes" data-linked={link.linked}>
        {panes.map((pane, i) => (
          <ViewerPane
            key={pane.key}
            paneKey={pane.key}
            series={pane.series}
            title={pane.title}
            timePoint={pane.timePoint}
            header={pane.header}
            active={pane.key === active?.key}
            autoFocus={i === 0}
            handleRef={refFor(pane.key)}
            onActivate={onActivate}
            onUserScroll={onUserScroll}
            onDisplayChange={onDisplayChange}
          />
        ))}
      </div>
      <HelpPanel handleRef={help} />
    </div>
  );
}
