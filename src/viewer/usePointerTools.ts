// Binds the pure drag machine (pointerDrag.ts) to a viewport element: pointer events in, pointer capture and views
// out. The machine's state lives in a ref, so a drag re-renders no React tree; cornerstone draws once per frame.
import { useRef, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import { dragStep, IDLE, type DragContext, type DragState, type PointerInput } from './pointerDrag';
import type { ViewportAdapter } from './viewportAdapter';
import type { CanvasPoint } from './viewState';

const NO_CONTEXT: DragContext = { view: undefined, geometry: undefined };

export interface PointerToolHandlers {
  readonly onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerUp: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
  readonly onLostPointerCapture: (event: PointerEvent<HTMLElement>) => void;
  readonly onMouseDown: (event: MouseEvent<HTMLElement>) => void;
}

/** `canvasHost` is the element cornerstone draws into: pointer positions are measured from its corner. */
export function usePointerTools(
  canvasHost: RefObject<HTMLElement | null>,
  adapter: RefObject<ViewportAdapter | null>,
): PointerToolHandlers {
  const drag = useRef<DragState>(IDLE);

  const canvasPoint = (event: PointerEvent<HTMLElement>): CanvasPoint => {
    const box = canvasHost.current?.getBoundingClientRect();
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  };

  const run = (input: PointerInput, element: HTMLElement) => {
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

  return {
    onPointerDown(event) {
      // The viewport takes focus on any click, so the keys act on the image just clicked.
      event.currentTarget.focus({ preventScroll: true });
      run({ type: 'down', pointerId: event.pointerId, button: event.button, shiftKey: event.shiftKey, point: canvasPoint(event) }, event.currentTarget);
    },
    onPointerMove(event) {
      if (drag.current.kind === 'idle') return;
      run({ type: 'move', pointerId: event.pointerId, point: canvasPoint(event) }, event.currentTarget);
    },
    onPointerUp(event) {
      run({ type: 'up', pointerId: event.pointerId, point: canvasPoint(event) }, event.currentTarget);
    },
    onPointerCancel(event) {
      run({ type: 'cancel', pointerId: event.pointerId }, event.currentTarget);
    },
    // After a normal pointerup the drag is already idle and this is ignored; otherwise the drag ends here.
    onLostPointerCapture(event) {
      run({ type: 'cancel', pointerId: event.pointerId }, event.currentTarget);
    },
    // No text selection, no middle-button autoscroll: every button belongs to the image.
    onMouseDown(event) {
      event.preventDefault();
    },
  };
}
