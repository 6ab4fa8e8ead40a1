// Baseline and follow-up side by side (or one series alone): one toolbar acting on the active pane, linked
// scrolling by slice position, keyboard shortcuts and their help panel, and measuring. The app owns the measurements:
// it passes the shapes to draw per pane and hears what was drawn, edited, selected or asked to be deleted.
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import type { CtInstance } from '../../dicom/ctInstance';
import type { CtSeries } from '../../dicom/ctSeries';
import { assertNever } from '../../shared/assertNever';
import type { ImagePointPx } from '../../tracking/types';
import type { MeasurementAxes, MeasurementDraft, MeasurementImage, MeasurementShape } from '../../viewer/measurementShape';
import type { ProposedMeasurement } from '../../viewer/proposedMeasurement';
import type { StackViewportProps } from '../../viewer/StackViewport';
import { toolAfterChoosing, type ViewerTool } from '../../viewer/viewerTool';
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

export interface ComparisonViewerHandle {
  /**
   * Scrolls pane `paneKey` to the slice `image` and pans so `centre` (image pixels) is in the middle of it, zoom and
   * window kept; false when that pane's series has no such slice (or there is no such pane). Not a user scroll: a
   * linked pane does not follow, and the link takes the new offset.
   */
  reveal(paneKey: string, image: MeasurementImage, centre: ImagePointPx): boolean;
}

export interface ComparisonViewerProps {
  /** One or two panes, left to right. */
  readonly panes: readonly ComparisonPane[];
  /** The measurements to draw, per pane key; each pane draws those on the slice it shows. */
  readonly measurements?: ReadonlyMap<string, readonly MeasurementShape[]>;
  /**
   * A measurement was drawn on `draft.slice` of pane `paneKey`. It disappears from the viewer until it is in
   * `measurements`. A bidirectional one comes with its short axis placed (perpendicular through the middle, half as
   * long), to be adjusted by its handles once it is back.
   */
  readonly onMeasurementDrawn?: (paneKey: string, draft: MeasurementDraft) => void;
  /** A handle drag of measurement `id` ended with these lines (shown as edited while the app saves). */
  readonly onMeasurementEdited?: (paneKey: string, id: string, axes: MeasurementAxes) => void;
  /** A click on a measurement's line, handle or label. */
  readonly onMeasurementSelected?: (id: string) => void;
  /** Delete or Backspace with a selected, editable measurement: the app asks the user and deletes. */
  readonly onMeasurementDeleteRequested?: (id: string) => void;
  /** A measuring tool was pressed on a slice without PixelSpacing: nothing was drawn; the app says why. */
  readonly onMeasureRefused?: (paneKey: string, slice: CtInstance) => void;
  /**
   * A handle drag of measurement `id` ended with `axis` below the measurement floor (tracking/measurementFloor): the
   * measurement was left as it was; the app asks whether the lesion has gone.
   */
  readonly onMeasurementCollapsed?: StackViewportProps['onMeasurementCollapsed'];
  /** A measurement offered to the reader in pane `paneKey` (one-click, Suggest), drawn with its outline. */
  readonly proposal?: { readonly paneKey: string; readonly measurement: ProposedMeasurement } | undefined;
  /** Click to measure: a click (no drag) at `point` (image pixels) of `slice` in pane `paneKey`. */
  readonly onSeedClicked?: (paneKey: string, slice: CtInstance, point: ImagePointPx) => void;
  /** A handle drag of the proposal ended with these lines. */
  readonly onProposalEdited?: (axes: Required<MeasurementAxes>) => void;
  /** Enter with a proposal: the app records it as a drawn measurement. */
  readonly onProposalAccepted?: () => void;
  /** Escape with a proposal, or its pane showing another slice than the proposal's. */
  readonly onProposalDiscarded?: () => void;
  /** Suggest (S; the record column has its button): the app looks for the selected lesion on the follow-up. */
  readonly onSuggest?: () => void;
  /** What one-click is doing or why it found nothing, in words, under the toolbar. */
  readonly oneClickStatus?: { readonly tone: 'info' | 'error'; readonly text: string } | undefined;
  readonly ref?: Ref<ComparisonViewerHandle>;
}

const NO_DISPLAY: PaneDisplay = { preset: undefined, inverted: false };
const NO_SHAPES: readonly MeasurementShape[] = [];

export function ComparisonViewer(props: ComparisonViewerProps) {
  const { panes, measurements, proposal, oneClickStatus, ref } = props;
  const handles = useRef(new Map<string, SeriesViewerHandle>());
  const [tool, setTool] = useState<ViewerTool>('windowLevel');
  const [activeKey, setActiveKey] = useState<string | undefined>(panes[0]?.key);
  const [displays, setDisplays] = useState<ReadonlyMap<string, PaneDisplay>>(new Map());
  const help = useRef<HelpPanelHandle>(null);
  const link = useLinkedScrolling(panes, handles);
  const active = panes.find((p) => p.key === activeKey) ?? panes[0];
  const activeRef = useRef(active?.key);
  activeRef.current = active?.key;
  const linkRef = useRef(link);
  linkRef.current = link;
  // The app's latest callbacks, behind stable functions, so the memoised panes do not re-render for new closures.
  const latest = useRef(props);
  latest.current = props;

  const activeHandle = () => (activeRef.current !== undefined ? handles.current.get(activeRef.current) : undefined);

  useImperativeHandle(ref, () => ({
    reveal(paneKey, image, centre) {
      const revealed = handles.current.get(paneKey)?.reveal(image, centre) ?? false;
      if (revealed) linkRef.current.renew();
      return revealed;
    },
  }), []);

  /** The selected measurement that may be deleted: the active pane's first, then any other pane's. */
  const selectedForDeletion = (): MeasurementShape | undefined => {
    const keys = [activeRef.current, ...panes.map((p) => p.key)];
    for (const key of keys) {
      const found = key === undefined ? undefined : latest.current.measurements?.get(key)?.find((m) => m.selected && m.editable);
      if (found) return found;
    }
    return undefined;
  };

  const onAction = (action: ViewerAction) => {
    switch (action.kind) {
      case 'command': return activeHandle()?.apply(action.command);
      case 'toggleLink': return panes.length > 1 ? link.toggle() : undefined;
      case 'help': return help.current?.open();
      case 'tool': return setTool((current) => toolAfterChoosing(current, action.tool));
      case 'escape': {
        // A gesture in progress is cancelled and the tool stays, to draw again; then a proposal is discarded (the
        // tool stays, to click again); otherwise Escape leaves the tool.
        let cancelled = false;
        for (const handle of handles.current.values()) cancelled = handle.cancelGesture() || cancelled;
        if (cancelled) return undefined;
        if (latest.current.proposal) return latest.current.onProposalDiscarded?.();
        setTool('windowLevel');
        return undefined;
      }
      case 'accept': return latest.current.proposal ? latest.current.onProposalAccepted?.() : undefined;
      case 'suggest': return latest.current.onSuggest?.();
      case 'deleteSelected': {
        const selected = selectedForDeletion();
        if (selected) latest.current.onMeasurementDeleteRequested?.(selected.id);
        return undefined;
      }
      default: return assertNever(action, 'viewer action');
    }
  };

  useViewerShortcuts({ onAction, onSliceKey: (key) => activeHandle()?.navigate(key) });

  // A proposal that appears (Suggest may come from window/level) puts the left button on Click to measure, so a
  // click elsewhere accepts it as it does after a click.
  // Its pane takes the focus, so Enter accepts it even after a click in the record column (a focused button would
  // take Enter for itself).
  const proposedIn = proposal?.paneKey;
  useEffect(() => {
    if (proposedIn === undefined) return;
    setTool('oneClick');
    handles.current.get(proposedIn)?.focus();
  }, [proposedIn]);
  // A pane given another series (another follow-up chosen) takes its proposal with it.
  const paneKeys = panes.map((p) => p.key).join('\n');
  useEffect(() => {
    if (proposedIn !== undefined && !paneKeys.split('\n').includes(proposedIn)) latest.current.onProposalDiscarded?.();
  }, [proposedIn, paneKeys]);

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
  const onMeasurementDrawn = useCallback((key: string, draft: MeasurementDraft) => latest.current.onMeasurementDrawn?.(key, draft), []);
  const onMeasurementEdited = useCallback(
    (key: string, id: string, axes: MeasurementAxes) => latest.current.onMeasurementEdited?.(key, id, axes),
    [],
  );
  const onMeasurementSelected = useCallback((id: string) => latest.current.onMeasurementSelected?.(id), []);
  const onMeasureRefused = useCallback((key: string, slice: CtInstance) => latest.current.onMeasureRefused?.(key, slice), []);
  const onSeedClicked = useCallback((key: string, slice: CtInstance, point: ImagePointPx) => latest.current.onSeedClicked?.(key, slice, point), []);
  const onProposalEdited = useCallback((_key: string, axes: Required<MeasurementAxes>) => latest.current.onProposalEdited?.(axes), []);
  const onProposalLeft = useCallback((key: string) => {
    if (latest.current.proposal?.paneKey === key) latest.current.onProposalDiscarded?.();
  }, []);
  const onMeasurementCollapsed = useCallback<NonNullable<StackViewportProps['onMeasurementCollapsed']>>(
    (id, axis, axes) => latest.current.onMeasurementCollapsed?.(id, axis, axes),
    [],
  );
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
        tool={tool}
        onAction={onAction}
      />
      <div className="comparison-viewer__panes" data-linked={link.linked}>
        {/* Over the panes, not above them: a line that comes and goes must not resize the images under the pointer. */}
        {oneClickStatus && (
          <div className={`one-click-status one-click-status--${oneClickStatus.tone}`} role="status" data-testid="one-click-status">
            {oneClickStatus.text}
          </div>
        )}
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
            tool={tool}
            measurements={measurements?.get(pane.key) ?? NO_SHAPES}
            onMeasurementDrawn={onMeasurementDrawn}
            onMeasurementEdited={onMeasurementEdited}
            onMeasurementSelected={onMeasurementSelected}
            onMeasureRefused={onMeasureRefused}
            onMeasurementCollapsed={onMeasurementCollapsed}
            proposal={proposal?.paneKey === pane.key ? proposal.measurement : undefined}
            onSeedClicked={onSeedClicked}
            onProposalEdited={onProposalEdited}
            onProposalLeft={onProposalLeft}
          />
        ))}
      </div>
      <HelpPanel handleRef={help} />
    </div>
  );
}
