// What is under the pointer: a handle of an editable measurement (within HANDLE_GRAB_PX on the screen), or a
// measurement's line. Measured on the canvas, in CSS pixels, so grabbing is as easy at any zoom. Labels are DOM
// elements and are hit by the DOM (MeasurementLayer marks them), not here.
import type { ImagePointPx } from '../tracking/types';
import { HANDLE_IDS, handlePoint, type HandleId } from './bidirectional';
import type { MeasurementShape } from './measurementShape';
import type { CanvasPoint } from './viewState';

/** A handle is grabbed within this distance of its centre (CSS pixels). */
export const HANDLE_GRAB_PX = 6;
/** A line is hit within this distance (CSS pixels): narrower than a handle, so a window drag rarely lands on one. */
export const LINE_GRAB_PX = 4;

export type ShapeHit =
  | { readonly shape: MeasurementShape; readonly part: 'handle'; readonly handle: HandleId }
  | { readonly shape: MeasurementShape; readonly part: 'line' | 'label' };

const distance = (a: CanvasPoint, b: CanvasPoint) => Math.hypot(a.x - b.x, a.y - b.y);

/** Distance from `p` to the segment a-b. */
export function distanceToSegment(p: CanvasPoint, a: CanvasPoint, b: CanvasPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const squared = dx * dx + dy * dy;
  const t = squared === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / squared));
  return distance(p, { x: a.x + t * dx, y: a.y + t * dy });
}

/**
 * The nearest handle of an editable shape within HANDLE_GRAB_PX, else the nearest line within LINE_GRAB_PX, else
 * nothing. On a tie the selected shape wins, so the one being worked on stays grabbable where shapes overlap.
 */
export function hitTest(
  shapes: readonly MeasurementShape[],
  point: CanvasPoint,
  toCanvas: (p: ImagePointPx) => CanvasPoint,
): ShapeHit | undefined {
  const ordered = [...shapes].sort((a, b) => Number(b.selected) - Number(a.selected));
  let best: { hit: ShapeHit; d: number } | undefined;
  for (const shape of ordered) {
    if (!shape.editable) continue;
    for (const handle of HANDLE_IDS) {
      const at = handlePoint(shape, handle);
      if (!at) continue;
      const d = distance(point, toCanvas(at));
      if (d <= HANDLE_GRAB_PX && (!best || d < best.d)) best = { hit: { shape, part: 'handle', handle }, d };
    }
  }
  if (best) return best.hit;
  for (const shape of ordered) {
    for (const segment of shape.shortAxis ? [shape.longAxis, shape.shortAxis] : [shape.longAxis]) {
      const d = distanceToSegment(point, toCanvas(segment.start), toCanvas(segment.end));
      if (d <= LINE_GRAB_PX && (!best || d < best.d)) best = { hit: { shape, part: 'line' }, d };
    }
  }
  return best?.hit;
}
