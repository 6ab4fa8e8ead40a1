// A React component around one viewport: enables the element on mount, shows slice `index` of `slices`, turns
// wheel and keys into index changes and mouse drags into window/level, zoom and pan or measurements (the `tool`),
// draws the measurements of the slice shown, disables the element on unmount. Overlays come in as children; toolbar
// commands come in through the `ref` handle. What is drawn or edited goes out as callbacks: the app decides what is
// saved and passes it back in `measurements`.
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { CtInstance } from '../dicom/ctInstance';
import type { MeasuredAxis } from '../tracking/measurementFloor';
import type { ImagePointPx } from '../tracking/types';
import { registerStack, type ImageStack } from './imageLoader';
import { MeasurementLayer } from './MeasurementLayer';
import { createMeasurementLayerStore, type MeasurementLayerStore } from './measurementLayerStore';
import { isOnSlice, type MeasurementAxes, type MeasurementDraft, type MeasurementShape } from './measurementShape';
import type { MeasureEffect } from './measureTool';
import { PROPOSAL_ID, proposalShape, type ProposedMeasurement } from './proposedMeasurement';
import { sliceIndexForKey, wheelStep } from './stackNavigation';
import { usePointerTools, type MeasuringContext } from './usePointerTools';
import { viewAfterCommand, type ViewCommand } from './viewCommand';
import { centredOn } from './viewGeometry';
import type { ViewerTool } from './viewerTool';
import { createViewportAdapter, type RenderedImage, type ViewportAdapter } from './viewportAdapter';
import { sameView, type ViewState } from './viewState';
import { zoomForWheel } from './zoomGesture';

export interface StackViewportHandle {
  /** Applies a toolbar or keyboard command (preset, fit, reset, invert) to the image shown. */
  apply(command: ViewCommand): void;
  focus(): void;
  /** Pans so this image point is at the centre, zoom and window kept (after the first image, if none is shown yet). */
  centreOn(point: ImagePointPx): void;
  /** Drops a measurement being drawn or a handle being dragged; true when there was one. */
  cancelGesture(): boolean;
}

/** How long an edit is shown as made while the app has not passed the edited shape back (then it shows the app's). */
const PENDING_EDIT_MS = 1500;
const NO_SHAPES: readonly MeasurementShape[] = [];

export interface StackViewportProps {
  readonly slices: readonly CtInstance[];
  readonly index: number;
  readonly onIndexChange: (index: number) => void;
  readonly onViewChange?: (view: ViewState) => void;
  /** Accessible name of the viewport, e.g. "Baseline CT, axial". */
  readonly label: string;
  /** Take keyboard focus once enabled, so arrow keys scroll without a click first. */
  readonly autoFocus?: boolean;
  readonly ref?: Ref<StackViewportHandle>;
  readonly children?: ReactNode;
  /** What the left button does; window/level unless a measuring tool is chosen. */
  readonly tool?: ViewerTool;
  /** Measurements on this viewport's slices; those on the slice shown are drawn. */
  readonly measurements?: readonly MeasurementShape[];
  /** A measurement was drawn (press, drag, release): it is not shown until it comes back in `measurements`. */
  readonly onMeasurementDrawn?: (draft: MeasurementDraft) => void;
  /** A handle drag ended with the measurement's new lines. */
  readonly onMeasurementEdited?: (id: string, axes: MeasurementAxes) => void;
  /**
   * A handle drag ended with `axis` below the measurement floor: the measurement is left as it was, `axes` are what
   * the drag would have made.
   */
  readonly onMeasurementCollapsed?: (id: string, axis: MeasuredAxis, axes: MeasurementAxes) => void;
  /** A press on a measurement's line, handle or label. */
  readonly onMeasurementSelected?: (id: string) => void;
  /** A measuring tool was pressed on a slice that cannot be measured in millimetres (no PixelSpacing). */
  readonly onMeasureRefused?: (slice: CtInstance) => void;
  /** A measurement offered to the reader (one-click, Suggest): drawn with its outline when its slice is shown. */
  readonly proposal?: ProposedMeasurement | undefined;
  /** One-click: a click (no drag) at `point` (image pixels) of `slice`. */
  readonly onSeedClicked?: (slice: CtInstance, point: ImagePointPx) => void;
  /** A handle drag of the proposal ended with these lines. */
  readonly onProposalEdited?: (axes: Required<MeasurementAxes>) => void;
  /** The proposal's slice was on the canvas and another one is now. */
  readonly onProposalLeft?: () => void;
}

export function StackViewport(props: StackViewportProps) {
  const { slices, index, onIndexChange, onViewChange, label, autoFocus = false, ref, children } = props;
  const { tool = 'windowLevel', measurements = NO_SHAPES, proposal } = props;
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasHostRef = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<ViewportAdapter | null>(null);
  const stackRef = useRef<ImageStack | null>(null);
  const shownStackRef = useRef<ImageStack | null>(null);
  // Which of `slices` is on the canvas (drawn, not just requested): what the measurements are drawn and made on.
  const renderedIndexRef = useRef(-1);
  const pendingCentre = useRef<ImagePointPx | undefined>(undefined);
  const pendingEditTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [layer] = useState<MeasurementLayerStore>(createMeasurementLayerStore);
  // Latest props for the native listeners, which are attached once.
  const latest = useRef({ index, count: slices.length, onIndexChange, onViewChange });
  latest.current = { index, count: slices.length, onIndexChange, onViewChange };
  const latestMeasuring = useRef(props);
  latestMeasuring.current = props;

  const onMeasureEffect = (effect: MeasureEffect, slice: CtInstance) => {
    const p = latestMeasuring.current;
    // The proposal is not the record's: its edits go back as the proposal's, a press on it selects nothing, and a
    // handle dragged down to nothing is simply put back.
    if ((effect.kind === 'edited' || effect.kind === 'selected' || effect.kind === 'collapsed') && effect.shapeId === PROPOSAL_ID) {
      if (effect.kind === 'edited' && effect.shortAxis) {
        const axes = { longAxis: effect.longAxis, shortAxis: effect.shortAxis };
        layer.setPending({ shapeId: PROPOSAL_ID, axes });
        p.onProposalEdited?.(axes);
      }
      return;
    }
    switch (effect.kind) {
      case 'drawn': {
        const { tool: drawnWith, longAxis, shortAxis } = effect;
        p.onMeasurementDrawn?.(shortAxis ? { slice, tool: drawnWith, longAxis, shortAxis } : { slice, tool: drawnWith, longAxis });
        return;
      }
      case 'edited': {
        const axes = effect.shortAxis ? { longAxis: effect.longAxis, shortAxis: effect.shortAxis } : { longAxis: effect.longAxis };
        // Shown as edited until the app's shapes change (or a while passes), so the line does not jump back meanwhile.
        layer.setPending({ shapeId: effect.shapeId, axes });
        clearTimeout(pendingEditTimer.current);
        pendingEditTimer.current = setTimeout(() => layer.setPending(undefined), PENDING_EDIT_MS);
        p.onMeasurementEdited?.(effect.shapeId, axes);
        return;
      }
      // Reverted: the layer draws the measurement as it was (no pending edit); the app asks what the reader meant.
      case 'collapsed': return p.onMeasurementCollapsed?.(effect.shapeId, effect.axis, effect.axes);
      case 'selected': return p.onMeasurementSelected?.(effect.shapeId);
      case 'refused': return p.onMeasureRefused?.(slice);
      case 'seed': return p.onSeedClicked?.(slice, effect.image);
    }
  };
  const measuring = useRef<MeasuringContext>(null as unknown as MeasuringContext);
  measuring.current = {
    tool,
    shown() {
      const slice = slices[renderedIndexRef.current];
      if (!slice) return undefined;
      const shapes = measurements.filter((s) => isOnSlice(s, slice));
      // The proposal first: where its handles lie on a measurement's, a press takes the proposal's.
      return { slice, shapes: proposal && isOnSlice(proposal, slice) ? [proposalShape(proposal), ...shapes] : shapes };
    },
    onEffect: onMeasureEffect,
    onLive: (live) => layer.setLive(live),
    onHot: (hot) => layer.setHot(hot),
  };
  const pointerTools = usePointerTools(frameRef, canvasHostRef, adapterRef, measuring);
  const cancelGestureRef = useRef(pointerTools.cancelGesture);
  cancelGestureRef.current = pointerTools.cancelGesture;

  // The app's shapes changed: an edit waiting for them is in them now (or was refused).
  useEffect(() => {
    clearTimeout(pendingEditTimer.current);
    layer.setPending(undefined);
  }, [measurements, proposal]);
  useEffect(() => () => clearTimeout(pendingEditTimer.current), []);

  useImperativeHandle(ref, () => ({
    apply(command) {
      const adapter = adapterRef.current;
      const view = adapter?.getView();
      const initialView = adapter?.getInitialView();
      const geometry = adapter?.getGeometry();
      if (!adapter || !view || !initialView || !geometry) return;
      adapter.setView(viewAfterCommand(command, view, { initialView, geometry }));
    },
    focus() {
      frameRef.current?.focus({ preventScroll: true });
    },
    centreOn(point) {
      const adapter = adapterRef.current;
      const view = adapter?.getView();
      const geometry = adapter?.getGeometry();
      if (adapter && view && geometry) {
        pendingCentre.current = undefined;
        adapter.setView(centredOn(view, geometry, point));
      } else {
        pendingCentre.current = point;
      }
    },
    cancelGesture: () => cancelGestureRef.current(),
  }), []);

  // Enable on mount, disable on unmount. This and the next two are layout effects, run in this order: enabled,
  // then registered, then shown.
  useLayoutEffect(() => {
    const host = canvasHostRef.current;
    if (!host) return;
    let lastView: ViewState | undefined;
    const onRendered = ({ imageId, view }: RenderedImage) => {
      const renderedIndex = stackRef.current?.imageIds.indexOf(imageId) ?? -1;
      // For tests and assistive tooling: which slice is on the canvas now (1-based), not just requested.
      if (frameRef.current) frameRef.current.dataset.renderedSlice = String(renderedIndex + 1);
      if (renderedIndex !== renderedIndexRef.current) {
        // A measurement belongs to the slice it was begun on: another slice on the canvas drops the gesture.
        cancelGestureRef.current();
        layer.setPending(undefined);
        // So does a proposal, once its slice has been on the canvas: it was made for the image the reader looked at.
        const { proposal: offered, onProposalLeft } = latestMeasuring.current;
        const left = latestMeasuring.current.slices[renderedIndexRef.current];
        if (offered && left && isOnSlice(offered, left)) onProposalLeft?.();
        renderedIndexRef.current = renderedIndex;
      }
      const geometry = adapter.getGeometry();
      if (geometry && renderedIndex >= 0) layer.setFrame({ view, geometry, sliceIndex: renderedIndex });
      if (!sameView(view, lastView)) {
        lastView = view;
        latest.current.onViewChange?.(view);
      }
    };
    const adapter = createViewportAdapter(host, onRendered);
    adapterRef.current = adapter;
    if (autoFocus) frameRef.current?.focus({ preventScroll: true });
    return () => {
      adapter.destroy();
      adapterRef.current = null;
      shownStackRef.current = null;
    };
    // autoFocus is read once, at enable time, like the HTML attribute.
  }, []);

  // Register the series' images with the loader for as long as this series is shown.
  useLayoutEffect(() => {
    const stack = registerStack(slices);
    stackRef.current = stack;
    return () => {
      stack.release();
      if (stackRef.current === stack) stackRef.current = null;
    };
  }, [slices]);

  // Show the requested slice; a new series resets window and zoom, a new slice of the same series keeps them.
  // A layout effect, so the image reaches cornerstone before the browser paints: a passive effect may run after the
  // next frame for wheel (continuous) events, which would cost a frame per slice. cornerstone then draws it in its
  // own animation frame, at most once per frame however many slices were asked for meanwhile.
  useLayoutEffect(() => {
    const adapter = adapterRef.current;
    const stack = stackRef.current;
    const imageId = stack?.imageIds[index];
    if (!adapter || !stack || imageId === undefined) return;
    const resetView = shownStackRef.current !== stack;
    shownStackRef.current = stack;
    adapter.show(imageId, { resetView }).then((shown) => {
      // A centre asked for before there was an image to pan (reveal right after opening).
      const centre = pendingCentre.current;
      const view = adapter.getView();
      const geometry = adapter.getGeometry();
      if (shown && centre && view && geometry) {
        pendingCentre.current = undefined;
        adapter.setView(centredOn(view, geometry, centre));
      }
    }).catch((error: unknown) => {
      // Only our own ids reach the loader, so a failure here is a bug: surface it, do not swallow it.
      console.error('StackViewport: could not show', imageId, error);
    });
  }, [slices, index]);

  // Wheel: a native, non-passive listener, so the page does not scroll (or zoom, with Ctrl) while the user scrolls
  // slices (or zooms the image, with Ctrl: also what a trackpad pinch sends).
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    let carryPx = 0;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      if (event.ctrlKey) {
        const adapter = adapterRef.current;
        const view = adapter?.getView();
        const geometry = adapter?.getGeometry();
        const box = canvasHostRef.current?.getBoundingClientRect();
        if (!adapter || !view || !geometry || !box) return;
        const point = { x: event.clientX - box.left, y: event.clientY - box.top };
        adapter.setView(zoomForWheel(view, geometry, point, event.deltaY, event.deltaMode));
        return;
      }
      const result = wheelStep(carryPx, event.deltaY, event.deltaMode);
      carryPx = result.carryPx;
      const { index: current, count, onIndexChange: change } = latest.current;
      const next = Math.min(count - 1, Math.max(0, current + result.step));
      if (next !== current) change(next);
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => frame.removeEventListener('wheel', onWheel);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const next = sliceIndexForKey(event.key, index, slices.length);
    if (next === undefined) return;
    event.preventDefault();
    if (next !== index) onIndexChange(next);
  };

  return (
    <div
      ref={frameRef}
      className="stack-viewport"
      data-testid="viewport"
      role="application"
      aria-label={label}
      aria-roledescription="image stack viewer"
      tabIndex={0}
      data-tool={tool}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      {...pointerTools.handlers}
    >
      {/* cornerstone owns this element's children (its canvas); React never renders into it. */}
      <div ref={canvasHostRef} className="stack-viewport__canvas" />
      <div className="stack-viewport__overlay">
        <MeasurementLayer store={layer} slices={slices} shapes={measurements} proposal={proposal} />
        {children}
      </div>
    </div>
  );
}
