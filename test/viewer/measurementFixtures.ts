// Small builders for the measuring tests: shapes, segments, and the geometry checks done in millimetres.
import type { PixelSpacingMm } from '../../src/dicom/ctInstance';
import { distanceMm } from '../../src/dicom/imageLength';
import type { ImagePointPx, Segment } from '../../src/tracking/types';
import type { MeasurementShape } from '../../src/viewer/measurementShape';

export const SQUARE: PixelSpacingMm = { row: 0.7, column: 0.7 };
/** Rows twice as far apart as columns: a right angle in pixels is not one in the patient. */
export const TALL: PixelSpacingMm = { row: 1.0, column: 0.5 };
export const WIDE: PixelSpacingMm = { row: 0.6, column: 0.9 };

export const pt = (x: number, y: number): ImagePointPx => ({ x, y });
export const seg = (x1: number, y1: number, x2: number, y2: number): Segment => ({ start: pt(x1, y1), end: pt(x2, y2) });

export function shape(overrides: Partial<MeasurementShape> = {}): MeasurementShape {
  return {
    id: 'm1',
    label: 'T1',
    image: { sopInstanceUid: '1.2.3.4.5', frameNumber: 1 },
    tool: 'long-axis',
    longAxis: seg(100, 100, 140, 100),
    pixelSpacingMm: SQUARE,
    selected: false,
    editable: true,
    ...overrides,
  };
}

const mmVector = (s: Segment, spacing: PixelSpacingMm) =>
  ({ x: (s.end.x - s.start.x) * spacing.column, y: (s.end.y - s.start.y) * spacing.row });

/** Cosine of the angle between two segments in the patient (millimetres): 0 when perpendicular. */
export function cosineMm(a: Segment, b: Segment, spacing: PixelSpacingMm): number {
  const u = mmVector(a, spacing);
  const v = mmVector(b, spacing);
  return (u.x * v.x + u.y * v.y) / (Math.hypot(u.x, u.y) * Math.hypot(v.x, v.y));
}

export const lengthMm = (s: Segment, spacing: PixelSpacingMm): number => distanceMm(s.start, s.end, spacing);

/** Signed distance (mm) of `p` from the line through `line`, + on the left of start -> end as drawn in mm. */
export function offsetMm(line: Segment, p: ImagePointPx, spacing: PixelSpacingMm): number {
  const u = mmVector(line, spacing);
  const w = { x: (p.x - line.start.x) * spacing.column, y: (p.y - line.start.y) * spacing.row };
  return (u.x * w.y - u.y * w.x) / Math.hypot(u.x, u.y);
}

/** Where `p` projects on the line through `line`, as a fraction from its start (0) to its end (1), in mm. */
export function fractionAlong(line: Segment, p: ImagePointPx, spacing: PixelSpacingMm): number {
  const u = mmVector(line, spacing);
  const w = { x: (p.x - line.start.x) * spacing.column, y: (p.y - line.start.y) * spacing.row };
  return (u.x * w.x + u.y * w.y) / (u.x * u.x + u.y * u.y);
}

/** A small deterministic generator (mulberry32), for many edits without a random seed per run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
