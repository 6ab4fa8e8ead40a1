// The viewport's mouse tools as one small explicit state machine (tldraw style): idle -> dragging -> idle.
// Which tool a drag is comes from the button at pointer-down; only that pointer drives it until it is released
// (pointer capture), so a second button or a second finger cannot hijack a drag in progress. Pure: events in, the
// next state and effects out; the component applies the effects to the DOM and the renderer.
import { panBy, type ViewGeometry } from './viewGeometry';
import type { CanvasPoint, ViewState } from './viewState';
import { windowForDrag } from './windowLevelDrag';
import { zoomForDrag } from './zoomGesture';

export type DragTool = 'windowLevel' | 'zoom' | 'pan';

/** MouseEvent.button values. */
export const BUTTON = { left: 0, middle: 1, right: 2 } as const;

export type PointerInput =
  | { readonly type: 'down'; readonly pointerId: number; readonly button: number; readonly shiftKey: boolean; readonly point: CanvasPoint }
  | { readonly type: 'move'; readonly pointerId: number; readonly point: CanvasPoint }
  | { readonly type: 'up'; readonly pointerId: number; readonly point: CanvasPoint }
  /** pointercancel, or the capture was lost without a pointerup (element hidden, window switched). */
  | { readonly type: 'cancel'; readonly pointerId: number };

export type DragState =
  | { readonly kind: 'idle' }
  | {
    readonly kind: 'dragging';
    readonly tool: DragTool;
    readonly pointerId: number;
    readonly origin: CanvasPoint;
    readonly startView: ViewState;
    readonly geometry: ViewGeometry;
  };

export const IDLE: DragState = { kind: 'idle' };

export interface DragStep {
  readonly state: DragState;
  /** The view to show now, when it changes. */
  readonly view?: ViewState;
  /** Capture this pointer, so moves outside the viewport still reach the drag. */
  readonly capture?: number;
  readonly release?: number;
}

/** What the renderer knows when a drag starts; without an image there is nothing to drag. */
export interface DragContext {
  readonly view: ViewState | undefined;
  readonly geometry: ViewGeometry | undefined;
}

/** Left: window/level; Shift+left or middle: pan; right: zoom. Other buttons (back, forward) are not ours. */
export function toolForButton(button: number, shiftKey: boolean): DragTool | undefined {
  switch (button) {
    case BUTTON.left: return shiftKey ? 'pan' : 'windowLevel';
    case BUTTON.middle: return 'pan';
    case BUTTON.right: return 'zoom';
    default: return undefined;
  }
}

export function viewDuringDrag(drag: Extract<DragState, { kind: 'dragging' }>, point: CanvasPoint): ViewState {
  const delta = { x: point.x - drag.origin.x, y: point.y - drag.origin.y };
  const { startView, geometry } = drag;
  switch (drag.tool) {
    case 'windowLevel': {
      const { width, centre } = windowForDrag({ width: startView.windowWidth, centre: startView.windowCentre }, delta);
      return { ...startView, windowWidth: width, windowCentre: centre };
    }
    case 'zoom': return zoomForDrag(startView, geometry, drag.origin, delta);
    case 'pan': return panBy(startView, geometry, delta);
  }
}

export function dragStep(state: DragState, input: PointerInput, context: DragContext): DragStep {
  if (state.kind === 'idle') {
    if (input.type !== 'down') return { state };
    const tool = toolForButton(input.button, input.shiftKey);
    if (tool === undefined || context.view === undefined || context.geometry === undefined) return { state };
    return {
      state: { kind: 'dragging', tool, pointerId: input.pointerId, origin: input.point, startView: context.view, geometry: context.geometry },
      capture: input.pointerId,
    };
  }
  // Dragging: everything from another pointer, and further buttons of this one, is ignored.
  if (input.pointerId !== state.pointerId || input.type === 'down') return { state };
  switch (input.type) {
    case 'move': return { state, view: viewDuringDrag(state, input.point) };
    case 'up': return { state: IDLE, view: viewDuringDrag(state, input.point), release: state.pointerId };
    // The last move already showed the latest view; keep it rather than jump back.
    case 'cancel': return { state: IDLE };
  }
}
