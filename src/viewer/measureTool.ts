// The measuring tools as one small explicit state machine (tldraw style), for the left button:
//
//   idle --press with a measuring tool--> pointing --moved >= CLICK_SLOP_PX--> drawing --release--> idle (drawn)
//   idle --press on an editable handle--> pointingHandle --moved--> draggingHandle --release--> idle (edited)
//   idle --press on a line or label--> idle (selected)
//   idle --press with one-click--> pointingSeed --release without a drag--> idle (seed: the app segments there)
//
// A press and release without a drag draws or edits nothing; Escape, a lost pointer or a slice change cancel what is
// in progress. Nothing below the measurement floor (tracking/measurementFloor) leaves here as a value: a drawing that
// small is discarded, and a handle dragged down to nothing is reverted and reported as 'collapsed', for the app to
// ask whether the lesion has disappeared. Positions arrive in both canvas pixels (for the click slop, measured on the screen) and image pixels
// (for the geometry, converted by the binding with viewGeometry). Pure: inputs in, next state and effects out; the
// binding (usePointerTools) applies them, the layer (MeasurementLayer) draws `liveMeasurement`.
import type { PixelSpacingMm } from '../dicom/ctInstance';
import { axisBelowFloor, type MeasuredAxis } from '../tracking/measurementFloor';
import type { ImagePointPx, MeasurementTool, Segment } from '../tracking/types';
import { handlePoint, initialShortAxis, moveHandle, type HandleId } from './bidirectional';
import type { ShapeHit } from './measurementHit';
import type { MeasurementAxes } from './measurementShape';
import type { ViewerTool } from './viewerTool';
import type { CanvasPoint, ImageVector } from './viewState';

/** A press that moves less than this (CSS pixels) is a click: it draws nothing. */
export const CLICK_SLOP_PX = 3;
/**
 * A grabbed handle follows the pointer once it has moved 1.5 px (a click's jitter is less): nudging an end by a
 * pixel or two is how a reader fine-tunes a diameter, and a click that does not move still only selects.
 */
export const HANDLE_SLOP_PX = 1.5;

const LEFT_BUTTON = 0;

interface Gesture {
  readonly pointerId: number;
  /** Where the press was, on the canvas. */
  readonly origin: CanvasPoint;
  readonly spacing: PixelSpacingMm;
}

export type MeasureState =
  | { readonly kind: 'idle' }
  | (Gesture & { readonly kind: 'pointing'; readonly tool: MeasurementTool; readonly start: ImagePointPx })
  | (Gesture & { readonly kind: 'drawing'; readonly tool: MeasurementTool; readonly start: ImagePointPx; readonly end: ImagePointPx })
  /** One-click: pressed; a release where it was is a click inside a lesion, a drag is nothing. */
  | (Gesture & { readonly kind: 'pointingSeed'; readonly start: ImagePointPx; readonly far: boolean })
  | (Gesture & {
    readonly kind: 'pointingHandle' | 'draggingHandle';
    readonly shapeId: string;
    readonly handle: HandleId;
    /** From the pointer to the handle's centre at the press, so the handle does not jump to the pointer. */
    readonly grab: ImageVector;
    /** The measurement when the press began: every move is computed from it, so nothing drifts. */
    readonly original: MeasurementAxes;
    readonly axes: MeasurementAxes;
  });

export const MEASURE_IDLE: MeasureState = { kind: 'idle' };

/** One handle of one measurement: the one a press here would move, or is moving. */
export interface HandleRef {
  readonly shapeId: string;
  readonly handle: HandleId;
}

export type MeasureInput =
  | {
    readonly type: 'down';
    readonly pointerId: number;
    readonly button: number;
    readonly shiftKey: boolean;
    readonly point: CanvasPoint;
    readonly image: ImagePointPx;
    readonly tool: ViewerTool;
    /** What the press landed on (measurementHit.hitTest, or a label). */
    readonly hit: ShapeHit | undefined;
    /** The slice's spacing when it can be measured in millimetres (measurementShape.measuringSpacing). */
    readonly spacing: PixelSpacingMm | undefined;
  }
  | { readonly type: 'move' | 'up'; readonly pointerId: number; readonly point: CanvasPoint; readonly image: ImagePointPx }
  /** pointercancel, or the capture was lost without a pointerup. */
  | { readonly type: 'cancel'; readonly pointerId: number }
  /** Escape, or the slice under the gesture went away: drop what is in progress. */
  | { readonly type: 'abort' };

export type MeasureEffect =
  | { readonly kind: 'drawn'; readonly tool: MeasurementTool; readonly longAxis: Segment; readonly shortAxis?: Segment }
  | { readonly kind: 'edited'; readonly shapeId: string; readonly longAxis: Segment; readonly shortAxis?: Segment }
  | { readonly kind: 'selected'; readonly shapeId: string }
  /**
   * A handle drag ended with `axis` below the floor: nothing is edited (the measurement stays as it was) and `axes`
   * say what the drag would have made, for the question to the reader.
   */
  | { readonly kind: 'collapsed'; readonly shapeId: string; readonly axis: MeasuredAxis; readonly axes: MeasurementAxes }
  /** A measuring tool was pressed on a slice without PixelSpacing: nothing is drawn, the app says why. */
  | { readonly kind: 'refused' }
  /** One-click: a click (no drag) at this image point, for the app to segment the lesion there. */
  | { readonly kind: 'seed'; readonly image: ImagePointPx };

export interface MeasureStep {
  readonly state: MeasureState;
  readonly effect?: MeasureEffect;
  /** The press is the measuring tools' (no window, zoom or pan drag starts from it). Only for 'down'. */
  readonly claimed?: boolean;
  readonly capture?: number;
  readonly release?: number;
}

/** What the layer shows of a gesture in progress. */
export type LiveMeasurement =
  | { readonly kind: 'drawing'; readonly tool: MeasurementTool; readonly axes: MeasurementAxes; readonly spacing: PixelSpacingMm }
  | { readonly kind: 'editing'; readonly shapeId: string; readonly axes: MeasurementAxes };

const moved = (from: CanvasPoint, to: CanvasPoint, slop = CLICK_SLOP_PX) => Math.hypot(to.x - from.x, to.y - from.y) >= slop;

/** The lines of a drawing from `start` to `end`: a bidirectional one gets its short axis at once. */
export function drawnAxes(tool: MeasurementTool, start: ImagePointPx, end: ImagePointPx, spacing: PixelSpacingMm): MeasurementAxes {
  const longAxis = { start, end };
  switch (tool) {
    case 'long-axis': return { longAxis };
    case 'bidirectional': return { longAxis, shortAxis: initialShortAxis(longAxis, spacing) };
  }
}

function onDown(input: Extract<MeasureInput, { type: 'down' }>): MeasureStep {
  const idle = { state: MEASURE_IDLE };
  // Right (zoom), middle and Shift+left (pan) stay the view's, whatever the tool.
  if (input.button !== LEFT_BUTTON || input.shiftKey) return idle;
  const { hit, pointerId, point, image } = input;
  if (hit?.part === 'handle' && hit.shape.editable) {
    const at = handlePoint(hit.shape, hit.handle) ?? image;
    const original: MeasurementAxes = hit.shape.shortAxis
      ? { longAxis: hit.shape.longAxis, shortAxis: hit.shape.shortAxis }
      : { longAxis: hit.shape.longAxis };
    return {
      state: {
        kind: 'pointingHandle', pointerId, origin: point, spacing: hit.shape.pixelSpacingMm, shapeId: hit.shape.id,
        handle: hit.handle, grab: { x: at.x - image.x, y: at.y - image.y }, original, axes: original,
      },
      effect: { kind: 'selected', shapeId: hit.shape.id },
      claimed: true,
      capture: pointerId,
    };
  }
  if (hit) return { ...idle, effect: { kind: 'selected', shapeId: hit.shape.id }, claimed: true };
  if (input.tool === 'windowLevel') return idle;
  if (input.spacing === undefined) return { ...idle, effect: { kind: 'refused' }, claimed: true };
  if (input.tool === 'oneClick') {
    return { state: { kind: 'pointingSeed', pointerId, origin: point, spacing: input.spacing, start: image, far: false }, claimed: true, capture: pointerId };
  }
  return {
    state: { kind: 'pointing', pointerId, origin: point, spacing: input.spacing, tool: input.tool, start: image },
    claimed: true,
    capture: pointerId,
  };
}

function effectOf(axes: MeasurementAxes): { longAxis: Segment; shortAxis?: Segment } {
  return axes.shortAxis ? { longAxis: axes.longAxis, shortAxis: axes.shortAxis } : { longAxis: axes.longAxis };
}

export function measureStep(state: MeasureState, input: MeasureInput): MeasureStep {
  if (state.kind === 'idle') return input.type === 'down' ? onDown(input) : { state };
  if (input.type === 'abort') return { state: MEASURE_IDLE, release: state.pointerId };
  // Busy: every other pointer, and further presses, are swallowed (no view drag starts under a drawing).
  if (input.type === 'down') return { state, claimed: true };
  if (input.pointerId !== state.pointerId) return { state };
  if (input.type === 'cancel') return { state: MEASURE_IDLE, release: state.pointerId };

  const far = moved(state.origin, input.point);
  switch (state.kind) {
    case 'pointingSeed': {
      // Once the pointer has wandered, the press is not a click, even if it comes back.
      const wandered = state.far || far;
      if (input.type === 'move') return wandered === state.far ? { state } : { state: { ...state, far: wandered } };
      const done = { state: MEASURE_IDLE, release: state.pointerId };
      return wandered ? done : { ...done, effect: { kind: 'seed', image: state.start } };
    }
    case 'pointing':
    case 'drawing': {
      const drawing = state.kind === 'drawing' || far;
      if (input.type === 'move') {
        return drawing ? { state: { ...state, kind: 'drawing', end: input.image } } : { state };
      }
      // Released: a click, or a drag that came back to where it began, draws nothing.
      const done = { state: MEASURE_IDLE, release: state.pointerId };
      if (!drawing || !far) return done;
      const axes = drawnAxes(state.tool, state.start, input.image, state.spacing);
      // A drawing below the floor is a slip (a click that wobbled, a drag begun on a handle's edge): discarded.
      if (axisBelowFloor(axes, state.spacing, true) !== undefined) return done;
      return { ...done, effect: { kind: 'drawn', tool: state.tool, ...effectOf(axes) } };
    }
    case 'pointingHandle':
    case 'draggingHandle': {
      const dragging = state.kind === 'draggingHandle' || moved(state.origin, input.point, HANDLE_SLOP_PX);
      if (!dragging) return input.type === 'move' ? { state } : { state: MEASURE_IDLE, release: state.pointerId };
      const to = { x: input.image.x + state.grab.x, y: input.image.y + state.grab.y };
      const axes = moveHandle(state.original, state.handle, to, state.spacing);
      if (input.type === 'move') return { state: { ...state, kind: 'draggingHandle', axes } };
      const done = { state: MEASURE_IDLE, release: state.pointerId };
      const collapsed = axisBelowFloor(axes, state.spacing, true);
      if (collapsed !== undefined) return { ...done, effect: { kind: 'collapsed', shapeId: state.shapeId, axis: collapsed, axes } };
      return { ...done, effect: { kind: 'edited', shapeId: state.shapeId, ...effectOf(axes) } };
    }
  }
}

/** What to draw of the gesture in progress: the measurement being drawn, or the one being edited as it is now. */
export function liveMeasurement(state: MeasureState): LiveMeasurement | undefined {
  switch (state.kind) {
    case 'idle':
    case 'pointing':
    case 'pointingSeed':
    case 'pointingHandle':
      return undefined;
    case 'drawing':
      return { kind: 'drawing', tool: state.tool, axes: drawnAxes(state.tool, state.start, state.end, state.spacing), spacing: state.spacing };
    case 'draggingHandle':
      return { kind: 'editing', shapeId: state.shapeId, axes: state.axes };
  }
}

export const isMeasuring = (state: MeasureState): boolean => state.kind !== 'idle';

/** The handle a press holds (pressed or being dragged), so the layer keeps it marked as the one that moves. */
export function heldHandle(state: MeasureState): HandleRef | undefined {
  return state.kind === 'pointingHandle' || state.kind === 'draggingHandle' ? { shapeId: state.shapeId, handle: state.handle } : undefined;
}
