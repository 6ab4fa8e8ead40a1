// 3-D primitives, defined once in patient millimetres and cut by each axial slice. The anatomy is a set of
// these solids, so neighbouring slices agree and scrolling shows a real volume.
import { DEFAULT_EDGE_MM, SoftEllipse } from './shapes';

export interface PointMm {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export interface EllipsoidSpec {
  readonly centre: PointMm;
  /** Semi-axes: `a` along the in-plane angle, `b` across it, `c` craniocaudal. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly angleDeg?: number;
  /** How far the centre moves in x and y per mm of z: organs are tilted, not stacked. */
  readonly driftX?: number;
  readonly driftY?: number;
  readonly edgeMm?: number;
  /** A flat top or bottom (a superellipse of power 4 in z): the liver dome under the diaphragm, the heart on it. */
  readonly flatTop?: boolean;
  readonly flatBottom?: boolean;
}

export const degToRad = (deg: number): number => (deg * Math.PI) / 180;

/** The cross-section of an ellipsoid at height z, or null where the slice misses it. */
export function ellipsoidSection(spec: EllipsoidSpec, z: number): SoftEllipse | null {
  const t = (z - spec.centre.z) / spec.c;
  if (t <= -1 || t >= 1) return null;
  const flat = t > 0 ? spec.flatTop === true : spec.flatBottom === true;
  const scale = flat ? Math.sqrt(Math.sqrt(1 - t * t * t * t)) : Math.sqrt(1 - t * t);
  const dz = z - spec.centre.z;
  return new SoftEllipse(
    spec.centre.x + (spec.driftX ?? 0) * dz,
    spec.centre.y + (spec.driftY ?? 0) * dz,
    spec.a * scale,
    spec.b * scale,
    degToRad(spec.angleDeg ?? 0),
    spec.edgeMm ?? DEFAULT_EDGE_MM,
  );
}

export interface TubeSpec {
  /** The two ends of the centre line; they must differ in z. */
  readonly from: PointMm;
  readonly to: PointMm;
  readonly radiusMm: number;
  readonly edgeMm?: number;
}

/** A slanted cylinder is cut into an ellipse this many times longer than wide at most (nearly flat tubes). */
const MAX_TUBE_ELONGATION = 4;

/** The cross-section of a straight tube (vessel, bowel, rib) at height z, with rounded ends, or null. */
export function tubeSection(spec: TubeSpec, z: number, radiusScale = 1): SoftEllipse | null {
  const { from, to } = spec;
  const dz = to.z - from.z;
  if (dz === 0) throw new Error('A tube must rise or fall: its ends are at the same height');
  const t = (z - from.z) / dz;
  const radius = spec.radiusMm * radiusScale;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.sqrt(dx * dx + dy * dy + dz * dz);
  // Beyond the ends the tube closes like a hemisphere.
  const beyondMm = t < 0 ? -t * Math.abs(dz) : t > 1 ? (t - 1) * Math.abs(dz) : 0;
  if (beyondMm >= radius) return null;
  const beyondRatio = beyondMm / radius;
  const endScale = Math.sqrt(1 - beyondRatio * beyondRatio);
  const tc = Math.min(1, Math.max(0, t));
  const elongation = Math.min(MAX_TUBE_ELONGATION, length / Math.abs(dz));
  return new SoftEllipse(
    from.x + dx * tc,
    from.y + dy * tc,
    radius * endScale * elongation,
    radius * endScale,
    Math.atan2(dy, dx),
    spec.edgeMm ?? DEFAULT_EDGE_MM,
  );
}
