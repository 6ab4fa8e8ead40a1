// RECIST's two diameters of an outline (RECIST 1.1, 3.1.1 and 4.1.2): the long axis is the longest distance
// between two points of the outline; the short axis the longest chord perpendicular to it. Both are taken in
// millimetres on the patient, so on non-square pixels "perpendicular" and "longest" are what they are in the body.
import type { AxisEnds, PixelPoint } from './types';

interface Mm {
  readonly x: number;
  readonly y: number;
}

export interface Diameters {
  readonly longAxisMm: number;
  readonly longAxis: AxisEnds;
  readonly shortAxisMm: number;
  readonly shortAxis: AxisEnds;
  readonly areaMm2: number;
}

const cross = (o: Mm, a: Mm, b: Mm) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

function convexHull(points: readonly Mm[]): Mm[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const lower: Mm[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Mm, lower[lower.length - 1] as Mm, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Mm[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as Mm;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Mm, upper[upper.length - 1] as Mm, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** The diameters of a closed outline (at least three points) with the given pixel spacing. */
export function measureOutline(contour: readonly PixelPoint[], rowSpacingMm: number, colSpacingMm: number): Diameters {
  const mm = contour.map((p): Mm => ({ x: p.col * colSpacingMm, y: p.row * rowSpacingMm }));
  const toPixel = (p: Mm): PixelPoint => ({ row: p.y / rowSpacingMm, col: p.x / colSpacingMm });
  const hull = convexHull(mm);
  let a = hull[0] as Mm;
  let b = hull[0] as Mm;
  let longest = 0;
  for (let i = 0; i < hull.length; i++) {
    for (let j = i + 1; j < hull.length; j++) {
      const p = hull[i] as Mm;
      const q = hull[j] as Mm;
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      if (d > longest) {
        longest = d;
        a = p;
        b = q;
      }
    }
  }
  const ux = longest > 0 ? (b.x - a.x) / longest : 1;
  const uy = longest > 0 ? (b.y - a.y) / longest : 0;
  // In the long axis' frame: s along it from `a`, w across it. The width across at a given s is piecewise linear
  // between the outline's vertices, so its maximum is at one of their s values.
  const s = mm.map((p) => (p.x - a.x) * ux + (p.y - a.y) * uy);
  const w = mm.map((p) => -(p.x - a.x) * uy + (p.y - a.y) * ux);
  let shortest = 0;
  let bestS = 0;
  let bestLow = 0;
  let bestHigh = 0;
  const n = mm.length;
  for (let k = 0; k < n; k++) {
    const at = s[k] as number;
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const si = s[i] as number;
      const sj = s[j] as number;
      if ((si - at) * (sj - at) > 0) continue;
      const t = sj === si ? 0 : (at - si) / (sj - si);
      const wt = (w[i] as number) + ((w[j] as number) - (w[i] as number)) * t;
      const wEnd = sj === si ? (w[j] as number) : wt;
      low = Math.min(low, wt, wEnd);
      high = Math.max(high, wt, wEnd);
    }
    if (high - low > shortest) {
      shortest = high - low;
      bestS = at;
      bestLow = low;
      bestHigh = high;
    }
  }
  const across = (wv: number): Mm => ({ x: a.x + ux * bestS - uy * wv, y: a.y + uy * bestS + ux * wv });
  let area = 0;
  for (let i = 0; i < n; i++) {
    const p = mm[i] as Mm;
    const q = mm[(i + 1) % n] as Mm;
    area += p.x * q.y - q.x * p.y;
  }
  return {
    longAxisMm: longest,
    longAxis: [toPixel(a), toPixel(b)],
    shortAxisMm: shortest,
    shortAxis: [toPixel(across(bestLow)), toPixel(across(bestHigh))],
    areaMm2: Math.abs(area) / 2,
  };
}
