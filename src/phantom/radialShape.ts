// A star-shaped outline r(theta) = radius * (1 + sum of cosine harmonics): round with none, lobulated with a few
// strong low ones, irregular with several. The soft edge is a ramp along the radius, so the 0.5 coverage contour
// is exactly r(theta): the outline is known in closed form, and `outline` samples it as densely as asked.
import { DEFAULT_EDGE_MM, type Bounds, type Shape } from './shapes';

export interface Harmonic {
  /** Lobes round the outline. */
  readonly order: number;
  /** Relative amplitude: 0.1 moves the edge by a tenth of the radius. */
  readonly amplitude: number;
  readonly phaseRad: number;
}

export class RadialShape implements Shape {
  readonly bounds: Bounds;
  private readonly maxRadius: number;

  constructor(
    readonly cx: number,
    readonly cy: number,
    readonly radius: number,
    readonly harmonics: readonly Harmonic[],
    readonly edgeMm = DEFAULT_EDGE_MM,
  ) {
    const total = harmonics.reduce((sum, h) => sum + Math.abs(h.amplitude), 0);
    if (total >= 0.8) throw new Error(`Harmonic amplitudes add up to ${total}: the outline would pass through its centre`);
    this.maxRadius = radius * (1 + total);
    const reach = this.maxRadius + edgeMm;
    this.bounds = { xMin: cx - reach, xMax: cx + reach, yMin: cy - reach, yMax: cy + reach };
  }

  /** The outline's distance from the centre at angle theta (from +x towards +y). */
  radiusAt(theta: number): number {
    let r = 1;
    for (const h of this.harmonics) r += h.amplitude * Math.cos(h.order * theta + h.phaseRad);
    return this.radius * r;
  }

  alpha(x: number, y: number): number {
    const dx = x - this.cx;
    const dy = y - this.cy;
    const rho = Math.hypot(dx, dy);
    if (rho > this.maxRadius + this.edgeMm) return 0;
    const a = 0.5 - (rho - this.radiusAt(Math.atan2(dy, dx))) / this.edgeMm;
    return a <= 0 ? 0 : a >= 1 ? 1 : a;
  }

  /** The exact outline sampled at `points` angles, in patient mm. */
  outline(points: number): Array<{ x: number; y: number }> {
    return Array.from({ length: points }, (_, k) => {
      const theta = (2 * Math.PI * k) / points;
      const r = this.radiusAt(theta);
      return { x: this.cx + r * Math.cos(theta), y: this.cy + r * Math.sin(theta) };
    });
  }
}
