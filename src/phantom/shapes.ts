// Soft-edged 2-D shapes in patient millimetres (x to the patient's left, y to the back). Each gives a coverage
// `alpha` in [0, 1] per point: 1 inside, 0 outside, a linear ramp `edgeMm` wide across the border. The ramp is
// the partial-volume blur of a real scanner, and the 0.5 contour is the exact outline, so a lesion's true
// diameter is what a radiologist measures edge to edge.

export interface Bounds {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

export interface Shape {
  readonly bounds: Bounds;
  alpha(x: number, y: number): number;
}

/** The default ramp: about one pixel of the sample series, a mild partial-volume blur. */
export const DEFAULT_EDGE_MM = 1.6;

const clamp01 = (value: number): number => (value <= 0 ? 0 : value >= 1 ? 1 : value);

/** An ellipse with semi-axes a (along angleRad) and b, rotated by angleRad from +x towards +y. */
export class SoftEllipse implements Shape {
  readonly bounds: Bounds;
  private readonly cos: number;
  private readonly sin: number;
  private readonly kInSquared: number;
  private readonly kOutSquared: number;

  constructor(
    readonly cx: number,
    readonly cy: number,
    readonly a: number,
    readonly b: number,
    readonly angleRad = 0,
    readonly edgeMm = DEFAULT_EDGE_MM,
  ) {
    this.cos = Math.cos(angleRad);
    this.sin = Math.sin(angleRad);
    // Outside kOut (in units of the normalised radius) coverage is 0, inside kIn it is 1: skips the sqrt.
    const band = edgeMm / (2 * Math.min(a, b));
    this.kInSquared = band < 1 ? (1 - band) * (1 - band) : 0;
    this.kOutSquared = (1 + band) * (1 + band);
    const halfX = Math.sqrt(a * a * this.cos * this.cos + b * b * this.sin * this.sin) + edgeMm;
    const halfY = Math.sqrt(a * a * this.sin * this.sin + b * b * this.cos * this.cos) + edgeMm;
    this.bounds = { xMin: cx - halfX, xMax: cx + halfX, yMin: cy - halfY, yMax: cy + halfY };
  }

  /** The same ellipse shrunk by `mm` all round (a wall's lumen, a cortex's marrow), or null if nothing is left. */
  inset(mm: number): SoftEllipse | null {
    if (this.a <= mm || this.b <= mm) return null;
    return new SoftEllipse(this.cx, this.cy, this.a - mm, this.b - mm, this.angleRad, this.edgeMm);
  }

  alpha(x: number, y: number): number {
    const dx = x - this.cx;
    const dy = y - this.cy;
    const p = (dx * this.cos + dy * this.sin) / this.a;
    const q = (dy * this.cos - dx * this.sin) / this.b;
    const f = p * p + q * q;
    if (f <= this.kInSquared) return 1;
    if (f >= this.kOutSquared) return 0;
    // First-order distance to the outline: (k - 1) / |grad k| with k the normalised radius.
    const k = Math.sqrt(f);
    const ga = p / this.a;
    const gb = q / this.b;
    const distance = ((k - 1) * k) / Math.sqrt(ga * ga + gb * gb);
    return clamp01(0.5 - distance / this.edgeMm);
  }
}

/** The part of `outer` that is not in `inner`: a wall, a cortex, a fat rim. */
export class Ring implements Shape {
  readonly bounds: Bounds;
  constructor(
    private readonly outer: Shape,
    private readonly inner: Shape,
  ) {
    this.bounds = outer.bounds;
  }
  alpha(x: number, y: number): number {
    const a = this.outer.alpha(x, y);
    return a === 0 ? 0 : a * (1 - this.inner.alpha(x, y));
  }
}

/** The part of `shape` inside `mask`: lung vessels only in lung, gas only above a fluid level. */
export class Clipped implements Shape {
  readonly bounds: Bounds;
  constructor(
    private readonly shape: Shape,
    private readonly mask: Shape,
  ) {
    const s = shape.bounds;
    const m = mask.bounds;
    this.bounds = {
      xMin: Math.max(s.xMin, m.xMin),
      xMax: Math.min(s.xMax, m.xMax),
      yMin: Math.max(s.yMin, m.yMin),
      yMax: Math.min(s.yMax, m.yMax),
    };
  }
  alpha(x: number, y: number): number {
    const a = this.shape.alpha(x, y);
    return a === 0 ? 0 : a * this.mask.alpha(x, y);
  }
}

/** Everything anterior to (smaller y than) `levelY`: the gas above an air-fluid level in a supine patient. */
export class AnteriorOf implements Shape {
  readonly bounds: Bounds;
  constructor(
    private readonly levelY: number,
    private readonly edgeMm = DEFAULT_EDGE_MM,
  ) {
    this.bounds = { xMin: -Infinity, xMax: Infinity, yMin: -Infinity, yMax: levelY + edgeMm };
  }
  alpha(_x: number, y: number): number {
    return clamp01(0.5 - (y - this.levelY) / this.edgeMm);
  }
}
