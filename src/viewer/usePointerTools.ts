// Binds the pure pointer machines to a viewport element: the measuring tools (measureTool.ts) get the first say on a
// press (a handle, a line, a label, or any left press while a measuring tool is chosen); everything else is a view
// drag (pointerDrag.ts: window/level, zoom, pan). Pointer events in; pointer capture, views, effects and the live
// measurement out. Both machines' states live in refs, so a drag re-renders no React tree: cornerstone draws once per
// frame, and the measurement layer, subscribed to its own store, re-renders alone.
import { useRef, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import type { CtInstance } from '../dicom/ctInstance';
import { hitTest, type ShapeHit } from './measurementHit';
import { measuringSpacing, type MeasurementShape } from './measurementShape';
import {
  heldHandle, isMeasuring, liveMeasurement, MEASURE_IDLE, measureStep, type HandleRef, type LiveMeasurement, type MeasureEffect,
  type MeasureInput, type MeasureState, type MeasureStep,
} from './measureTool';
import { dragStep, IDLE, type DragContext, type DragState, type PointerInput } from './pointerDrag';
import { canvasToImage, imageToCanvas } from './viewGeometry';
import type { ViewerTool } from './viewerTool';
import type { ViewportAdapter } from './viewportAdapter';
import type { CanvasPoint } from './viewState';

const NO_CONTEXT: DragContext = { view: undefined, geometry: undefined };

export interface PointerToolHandlers {
  readonly onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerUp: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
  readonly onLostPointerCapture: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerLeave: (event: PointerEvent<HTMLElement>) => void;
  readonly onMouseDown: (event: MouseEvent<HTMLElement>) => void;
}

/** What the measuring tools need from the viewport, read at each event (the latest props). */
export interface MeasuringContext {
  readonly tool: ViewerTool;
  /** The slice on the canvas now, and the measurements drawn on it; undefined before the first image is drawn. */
  readonly shown: () => { readonly slice: CtInstance; readonly shapes: readonly MeasurementShape[] } | undefined;
  /** `slice` is the one the gesture began on. */
  readonly onEffect: (effect: MeasureEffect, slice: CtInstance) => void;
  readonly onLive: (live: LiveMeasurement | undefined) => void;
  /** The handle a press here would move, or the one held: the layer marks it. */
  readonly onHot: (hot: HandleRef | undefined) => void;
}

export interface PointerTools {
  /** Spread on the viewport element. */
  readonly handlers: PointerToolHandlers;
  /** Drops a drawing or handle drag in progress (Escape, a new slice); true when there was one. */
  readonly cancelGesture: () => boolean;
}

/** A press on a measurement's label (a DOM element of MeasurementLayer). */
function labelHit(target: EventTarget, shapes: readonly MeasurementShape[]): ShapeHit | undefined {
  const id = target instanceof Element ? target.closest('[data-measurement-label]')?.getAttribute('data-measurement-label') : undefined;
  const shape = id ? shapes.find((s) => s.id === id) : undefined;
  return shape ? { shape, part: 'label' } : undefined;
}

/**
 * `frame` is the viewport element (it holds the pointer capture); `canvasHost` the element cornerstone draws into:
 * pointer positions are measured from its corner.
 */
export function usePointerTools(
  frame: RefObject<HTMLElement | null>,
  canvasHost: RefObject<HTMLElement | null>,
  adapter: RefObject<ViewportAdapter | null>,
  measuring: RefObject<MeasuringContext>,
): PointerTools {
  const drag = useRef<DragState>(IDLE);
  const measure = useRef<MeasureState>(MEASURE_IDLE);
  const gestureSlice = useRef<CtInstance | undefined>(undefined);

  const canvasPoint = (event: PointerEvent<HTMLElement>): CanvasPoint => {
    const box = canvasHost.current?.getBoundingClientRect();
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  };

  const transform = () => {
    const current = adapter.current;
    const view = current?.getView();
    const geometry = current?.getGeometry();
    return view && geometry ? { view, geometry } : undefined;
  };

  const runDrag = (input: PointerInput, element: HTMLElement) => {
    const current = adapter.current;
    // Reading the view and geometry is only needed to start a drag.
    const context = input.type === 'down' && drag.current.kind === 'idle' && current
      ? { view: current.getView(), geometry: current.getGeometry() }
      : NO_CONTEXT;
    const step = dragStep(drag.current, input, context);
    drag.current = step.state;
    if (step.capture !== undefined) element.setPointerCapture(step.capture);
    if (step.release !== undefined && element.hasPointerCapture(step.release)) element.releasePointerCapture(step.release);
    if (step.view) current?.setView(step.view);
    // For the cursor (CSS): which tool is dragging, if any.
    if (step.state.kind === 'dragging') element.dataset.dragging = step.state.tool;
    else delete element.dataset.dragging;
  };

  const applyMeasure = (step: MeasureStep, element: HTMLElement | null) => {
    const before = measure.current;
    measure.current = step.state;
    if (element && step.capture !== undefined) element.setPointerCapture(step.capture);
    if (element && step.release !== undefined && element.hasPointerCapture(step.release)) element.releasePointerCapture(step.release);
    const slice = gestureSlice.current;
    if (step.effect && slice) measuring.current.onEffect(step.effect, slice);
    if (step.state !== before) {
      measuring.current.onLive(liveMeasurement(step.state));
      // Held, the handle stays marked wherever the pointer goes; let go, the next move says what is under it.
      const held = heldHandle(step.state);
      if (held !== undefined || heldHandle(before) !== undefined) measuring.current.onHot(held);
    }
    if (!isMeasuring(step.state)) gestureSlice.current = undefined;
    if (element) {
      // For the cursor (CSS): drawing, or moving a handle.
      const kind = step.state.kind;
      if (kind === 'drawing' || kind === 'pointing') element.dataset.measuring = 'drawing';
      else if (kind === 'draggingHandle' || kind === 'pointingHandle') element.dataset.measuring = 'handle';
      else delete element.dataset.measuring;
    }
  };

  const runMeasure = (input: Exclude<MeasureInput, { type: 'down' }>, element: HTMLElement | null) =>
    applyMeasure(measureStep(measure.current, input), element);

  /** A press: the measuring tools first; unclaimed, it starts a view drag. */
  const press = (event: PointerEvent<HTMLElement>, point: CanvasPoint): boolean => {
    const context = measuring.current;
    const shown = context.shown();
    const t = transform();
    if (!shown || !t) return false;
    const hit = labelHit(event.target, shown.shapes) ?? hitTest(shown.shapes, point, (p) => imageToCanvas(t.view, t.geometry, p));
    gestureSlice.current = shown.slice;
    const step = measureStep(measure.current, {
      type: 'down', pointerId: event.pointerId, button: event.button, shiftKey: event.shiftKey, point,
      image: canvasToImage(t.view, t.geometry, point), tool: context.tool, hit, spacing: measuringSpacing(shown.slice),
    });
    applyMeasure(step, event.currentTarget);
    if (!step.claimed) gestureSlice.current = undefined;
    return step.claimed === true;
  };

  /** While nothing is pressed: mark what a press here would grab, for the cursor. */
  const hover = (event: PointerEvent<HTMLElement>) => {
    const element = event.currentTarget;
    const shapes = measuring.current.shown()?.shapes ?? [];
    const t = shapes.length > 0 ? transform() : undefined;
    const hit = t ? hitTest(shapes, canvasPoint(event), (p) => imageToCanvas(t.view, t.geometry, p)) : undefined;
    const over = hit === undefined ? undefined : hit.part === 'handle' ? 'handle' : 'shape';
    if (over === undefined) delete element.dataset.hover;
    else if (element.dataset.hover !== over) element.dataset.hover = over;
    // Which handle: where two measurements' ends lie close, the cursor alone cannot say which one a press takes.
    measuring.current.onHot(hit?.part === 'handle' ? { shapeId: hit.shape.id, handle: hit.handle } : undefined);
  };

  const imageInput = (type: 'move' | 'up', event: PointerEvent<HTMLElement>) => {
    const point = canvasPoint(event);
    const t = transform();
    return t ? { type, pointerId: event.pointerId, point, image: canvasToImage(t.view, t.geometry, point) } : undefined;
  };

  const handlers: PointerToolHandlers = {
    onPointerDown(event) {
      // The viewport takes focus on any click, so the keys act on the image just clicked.
      event.currentTarget.focus({ preventScroll: true });
      const point = canvasPoint(event);
      if (isMeasuring(measure.current)) return;
      if (drag.current.kind === 'idle' && press(event, point)) return;
      runDrag({ type: 'down', pointerId: event.pointerId, button: event.button, shiftKey: event.shiftKey, point }, event.currentTarget);
    },
    onPointerMove(event) {
      if (isMeasuring(measure.current)) {
        const input = imageInput('move', event);
        if (input) runMeasure(input, event.currentTarget);
        return;
      }
      if (drag.current.kind === 'idle') {
        hover(event);
        return;
      }
      runDrag({ type: 'move', pointerId: event.pointerId, point: canvasPoint(event) }, event.currentTarget);
    },
    onPointerUp(event) {
      if (isMeasuring(measure.current)) {
        const input = imageInput('up', event);
        runMeasure(input ?? { type: 'cancel', pointerId: event.pointerId }, event.currentTarget);
        return;
      }
      runDrag({ type: 'up', pointerId: event.pointerId, point: canvasPoint(event) }, event.currentTarget);
    },
    onPointerCancel(event) {
      if (isMeasuring(measure.current)) runMeasure({ type: 'cancel', pointerId: event.pointerId }, event.currentTarget);
      else runDrag({ type: 'cancel', pointerId: event.pointerId }, event.currentTarget);
    },
    // After a normal pointerup the gesture is already idle and this is ignored; otherwise the gesture ends here.
    onLostPointerCapture(event) {
      if (isMeasuring(measure.current)) runMeasure({ type: 'cancel', pointerId: event.pointerId }, event.currentTarget);
      else runDrag({ type: 'cancel', pointerId: event.pointerId }, event.currentTarget);
    },
    onPointerLeave(event) {
      if (isMeasuring(measure.current) || drag.current.kind !== 'idle') return;
      delete event.currentTarget.dataset.hover;
      measuring.current.onHot(undefined);
    },
    // No text selection, no middle-button autoscroll: every button belongs to the image.
    onMouseDown(event) {
      event.preventDefault();
    },
  };

  return {
    handlers,
    cancelGesture() {
      if (!isMeasuring(measure.current)) return false;
      runMeasure({ type: 'abort' }, frame.current);
      return true;
    },
  };
}
