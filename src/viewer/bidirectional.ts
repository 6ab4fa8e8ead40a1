// The geometry of measurements and of moving their handles, in image pixel coordinates. RECIST's bidirectional
// measurement is the longest diameter and the longest diameter perpendicular to it (RECIST 1.1, 3.1.1; the short axis
// of a node, 4.1.2). Perpendicular means perpendicular in the patient, that is in millimetres: on non-square pixels,
// two lines at right angles in pixel units are not. So the maths runs in an isotropic frame, the image pixels
// stretched by the pixel aspect (viewGeometry.pixelAspect, the same stretch the viewport applies), where a right angle
// on the screen is a right angle in the patient. Only directions and ratios are taken there; lengths in millimetres
// come from dicom/imageLength alone.
import type { PixelSpacingMm } from '../dicom/ctInstance';
import type { ImagePointPx, Segment } from '../tracking/types';
import type { MeasurementAxes } from './measurementShape';
import { pixelAspect } from './viewGeometry';

/** The four ends a user can grab: the long axis' start and end, the short axis' start and end. */
export type HandleId = 'longStart' | 'longEnd' | 'shortStart' | 'shortEnd';

export const HANDLE_IDS: readonly HandleId[] = ['longStart', 'longEnd', 'shortStart', 'shortEnd'];

/** A point in the isotropic frame: image pixels times the pixel aspect. Internal to this module. */
interface IsoPoint {
  readonly x: number;
  readonly y: number;
}

interface Frame {
  /** Isotropic units per image pixel, across and down. */
  readonly aspect: { readonly x: number; readonly y: number };
}

const frameFor = (spacing: PixelSpacingMm): Frame => ({ aspect: pixelAspect(spacing.row, spacing.column) });
const toIso = (f: Frame, p: ImagePointPx): IsoPoint => ({ x: p.x * f.aspect.x, y: p.y * f.aspect.y });
const fromIso = (f: Frame, p: IsoPoint): ImagePointPx => ({ x: p.x / f.aspect.x, y: p.y / f.aspect.y });

/** The long axis as an origin, a length and two unit vectors: along it, and its left-hand normal. */
interface AxisBasis {
  readonly origin: IsoPoint;
  readonly length: number;
  readonly along: IsoPoint;
  readonly normal: IsoPoint;
}

/** Below this (in isotropic pixels) a long axis has no direction. */
const DEGENERATE = 1e-9;

function basis(f: Frame, longAxis: Segment, fallback?: AxisBasis): AxisBasis | undefined {
  const origin = toIso(f, longAxis.start);
  const end = toIso(f, longAxis.end);
  const dx = end.x - origin.x;
  const dy = end.y - origin.y;
  const length = Math.hypot(dx, dy);
  if (length < DEGENERATE) return fallback ? { origin, length, along: fallback.along, normal: fallback.normal } : undefined;
  const along = { x: dx / length, y: dy / length };
  return { origin, length, along, normal: { x: -along.y, y: along.x } };
}

/** Where a short axis sits on its long axis: what an edit of the long axis keeps. */
export interface ShortAxisFrame {
  /** Where the short axis crosses the long-axis line, as a fraction from the long axis' start (0) to its end (1). */
  readonly crossing: number;
  /** Signed distances of the short axis' start and end from the long-axis line (isotropic pixels, + on the normal's side). */
  readonly startOffset: number;
  readonly endOffset: number;
}

const dot = (a: IsoPoint, b: IsoPoint) => a.x * b.x + a.y * b.y;
const minus = (a: IsoPoint, b: IsoPoint): IsoPoint => ({ x: a.x - b.x, y: a.y - b.y });

function frameOf(b: AxisBasis, f: Frame, shortAxis: Segment): ShortAxisFrame {
  const s = minus(toIso(f, shortAxis.start), b.origin);
  const e = minus(toIso(f, shortAxis.end), b.origin);
  // The crossing is where the start's perpendicular foot is (both ends share it when the axes are perpendicular).
  return { crossing: b.length > 0 ? dot(s, b.along) / b.length : 0, startOffset: dot(s, b.normal), endOffset: dot(e, b.normal) };
}

function layShortAxis(b: AxisBasis, f: Frame, frame: ShortAxisFrame): Segment {
  const cx = b.origin.x + b.along.x * b.length * frame.crossing;
  const cy = b.origin.y + b.along.y * b.length * frame.crossing;
  const at = (offset: number) => fromIso(f, { x: cx + b.normal.x * offset, y: cy + b.normal.y * offset });
  return { start: at(frame.startOffset), end: at(frame.endOffset) };
}

/** The frame of a short axis on its long axis, undefined when the long axis has no length. */
export function shortAxisFrame(longAxis: Segment, shortAxis: Segment, spacing: PixelSpacingMm): ShortAxisFrame | undefined {
  const f = frameFor(spacing);
  const b = basis(f, longAxis);
  return b ? frameOf(b, f, shortAxis) : undefined;
}

/**
 * The short axis a bidirectional measurement starts with, as cornerstone's bidirectional tool places it:
 * perpendicular through the long axis' midpoint, half as long, its start on the long axis' left.
 */
export function initialShortAxis(longAxis: Segment, spacing: PixelSpacingMm): Segment {
  const f = frameFor(spacing);
  const b = basis(f, longAxis);
  if (!b) return { start: longAxis.start, end: longAxis.start };
  return layShortAxis(b, f, { crossing: 0.5, startOffset: b.length / 4, endOffset: -b.length / 4 });
}

/**
 * Moves one end of the long axis to `to`. The short axis follows: the same crossing fraction along the long axis and
 * the same two perpendicular distances, turned with it. `axes` is the measurement as it was when the drag began.
 */
export function moveLongAxisEnd(axes: MeasurementAxes, end: 'start' | 'end', to: ImagePointPx, spacing: PixelSpacingMm): MeasurementAxes {
  const longAxis: Segment = end === 'start' ? { start: to, end: axes.longAxis.end } : { start: axes.longAxis.start, end: to };
  if (!axes.shortAxis) return { longAxis };
  const f = frameFor(spacing);
  const before = basis(f, axes.longAxis);
  if (!before) return { longAxis, shortAxis: axes.shortAxis };
  // Dragged onto its other end, the long axis keeps its last direction, so the short axis does not spin.
  const after = basis(f, longAxis, before) as AxisBasis;
  return { longAxis, shortAxis: layShortAxis(after, f, frameOf(before, f, axes.shortAxis)) };
}

/**
 * Moves one end of the short axis towards `to`, keeping it exactly perpendicular: the short axis is re-laid through
 * the projection of `to` on the long-axis line (kept on the long axis, between its ends), the moved end at `to`'s
 * distance from that line and the other end at its own distance, on its own side. The moved end cannot cross over
 * to the other end's side: it stops on the long axis.
 */
export function moveShortAxisEnd(axes: MeasurementAxes, end: 'start' | 'end', to: ImagePointPx, spacing: PixelSpacingMm): MeasurementAxes {
  if (!axes.shortAxis) return axes;
  const f = frameFor(spacing);
  const b = basis(f, axes.longAxis);
  if (!b) return axes;
  const now = frameOf(b, f, axes.shortAxis);
  const p = minus(toIso(f, to), b.origin);
  const crossing = Math.min(1, Math.max(0, dot(p, b.along) / b.length));
  const other = end === 'start' ? now.endOffset : now.startOffset;
  let offset = dot(p, b.normal);
  if (other > 0) offset = Math.min(0, offset);
  else if (other < 0) offset = Math.max(0, offset);
  const frame = end === 'start'
    ? { crossing, startOffset: offset, endOffset: other }
    : { crossing, startOffset: other, endOffset: offset };
  return { longAxis: axes.longAxis, shortAxis: layShortAxis(b, f, frame) };
}

/** A handle dragged to `to` (the measurement as it was when the drag began). */
export function moveHandle(axes: MeasurementAxes, handle: HandleId, to: ImagePointPx, spacing: PixelSpacingMm): MeasurementAxes {
  switch (handle) {
    case 'longStart': return moveLongAxisEnd(axes, 'start', to, spacing);
    case 'longEnd': return moveLongAxisEnd(axes, 'end', to, spacing);
    case 'shortStart': return moveShortAxisEnd(axes, 'start', to, spacing);
    case 'shortEnd': return moveShortAxisEnd(axes, 'end', to, spacing);
  }
}

/** Where a handle is, or undefined for a short-axis handle of a measurement without a short axis. */
export function handlePoint(axes: MeasurementAxes, handle: HandleId): ImagePointPx | undefined {
  switch (handle) {
    case 'longStart': return axes.longAxis.start;
    case 'longEnd': return axes.longAxis.end;
    case 'shortStart': return axes.shortAxis?.start;
    case 'shortEnd': return axes.shortAxis?.end;
  }
}
