// The lesion's outline, sub-pixel: marching squares on a field that is positive inside the mask and negative
// outside, whose magnitude is the distance in HU from the band's nearer edge. Where the mask follows the HU band
// the zero crossing is interpolated to where the smoothed HU crosses the band's edge (the midpoint between lesion
// and neighbour, the true edge); where the mask was cut (a vessel taken off by the leak guard) it falls between
// the pixels. The outline of the largest loop is returned, in window coordinates.
import type { Mask } from './mask';
import type { PixelPoint } from './types';

const EPSILON = 1e-3;

/** The field: the mask's sign, the band's distance as magnitude. */
export function outlineField(mask: Mask, smooth: Float32Array, lowerHu: number, upperHu: number): Float32Array {
  const f = new Float32Array(mask.bits.length);
  for (let i = 0; i < f.length; i++) {
    const g = smooth[i] as number;
    const d = Math.min(upperHu - g, g - lowerHu);
    f[i] = mask.bits[i] === 1 ? Math.max(d, EPSILON) : d < 0 ? Math.min(d, -EPSILON) : -Math.max(d, EPSILON);
  }
  return f;
}

/** The longest closed loop of the zero level of `field` within the mask's bounding box (one pixel round it). */
export function traceOutline(field: Float32Array, mask: Mask): PixelPoint[] {
  const { rows, cols } = mask;
  let rMin = rows;
  let rMax = -1;
  let cMin = cols;
  let cMax = -1;
  for (let i = 0; i < mask.bits.length; i++) {
    if (mask.bits[i] === 0) continue;
    const r = (i / cols) | 0;
    const c = i - r * cols;
    if (r < rMin) rMin = r;
    if (r > rMax) rMax = r;
    if (c < cMin) cMin = c;
    if (c > cMax) cMax = c;
  }
  if (rMax < 0) return [];
  // Cells span pixel centres (r, c) .. (r + 1, c + 1); corners outside the window read as outside the lesion.
  const at = (r: number, c: number): number => (r < 0 || c < 0 || r >= rows || c >= cols ? -1 : (field[r * cols + c] as number));
  const width = cols + 2;
  // An edge of the pixel-centre grid, numbered: horizontal (r, c)-(r, c + 1) even, vertical (r, c)-(r + 1, c) odd.
  const hKey = (r: number, c: number) => 2 * ((r + 1) * width + (c + 1));
  const vKey = (r: number, c: number) => 2 * ((r + 1) * width + (c + 1)) + 1;
  const points = new Map<number, PixelPoint>();
  const links = new Map<number, number[]>();
  const crossing = (key: number, r0: number, c0: number, r1: number, c1: number) => {
    if (!points.has(key)) {
      const a = at(r0, c0);
      const b = at(r1, c1);
      const t = a / (a - b);
      points.set(key, { row: r0 + (r1 - r0) * t, col: c0 + (c1 - c0) * t });
    }
    return key;
  };
  const link = (a: number, b: number) => {
    (links.get(a) ?? links.set(a, []).get(a) as number[]).push(b);
    (links.get(b) ?? links.set(b, []).get(b) as number[]).push(a);
  };
  for (let r = rMin - 1; r <= rMax; r++) {
    for (let c = cMin - 1; c <= cMax; c++) {
      const tl = at(r, c);
      const tr = at(r, c + 1);
      const br = at(r + 1, c + 1);
      const bl = at(r + 1, c);
      const index = (tl > 0 ? 8 : 0) | (tr > 0 ? 4 : 0) | (br > 0 ? 2 : 0) | (bl > 0 ? 1 : 0);
      if (index === 0 || index === 15) continue;
      const top = () => crossing(hKey(r, c), r, c, r, c + 1);
      const bottom = () => crossing(hKey(r + 1, c), r + 1, c, r + 1, c + 1);
      const left = () => crossing(vKey(r, c), r, c, r + 1, c);
      const right = () => crossing(vKey(r, c + 1), r, c + 1, r + 1, c + 1);
      switch (index) {
        case 1: case 14: link(left(), bottom()); break;
        case 2: case 13: link(bottom(), right()); break;
        case 3: case 12: link(left(), right()); break;
        case 4: case 11: link(top(), right()); break;
        case 6: case 9: link(top(), bottom()); break;
        case 7: case 8: link(top(), left()); break;
        case 5: case 10: {
          // A saddle: the cell's centre decides whether the two inside corners join across it.
          const centreInside = tl + tr + br + bl > 0;
          const joinsTlBr = index === 10 ? centreInside : !centreInside;
          if (joinsTlBr) {
            link(top(), right());
            link(left(), bottom());
          } else {
            link(top(), left());
            link(bottom(), right());
          }
          break;
        }
      }
    }
  }
  let best: PixelPoint[] = [];
  let bestArea = 0;
  const seen = new Set<number>();
  for (const start of links.keys()) {
    if (seen.has(start)) continue;
    const loop: PixelPoint[] = [];
    let previous = -1;
    let current = start;
    while (!seen.has(current)) {
      seen.add(current);
      loop.push(points.get(current) as PixelPoint);
      const next = (links.get(current) as number[]).find((k) => k !== previous && !seen.has(k));
      if (next === undefined) break;
      previous = current;
      current = next;
    }
    const area = Math.abs(shoelace(loop));
    if (area > bestArea) {
      bestArea = area;
      best = loop;
    }
  }
  return best;
}

/** Signed area of a closed polygon in pixel units (row, col). */
export function shoelace(loop: readonly PixelPoint[]): number {
  let sum = 0;
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i] as PixelPoint;
    const b = loop[(i + 1) % loop.length] as PixelPoint;
    sum += a.col * b.row - b.col * a.row;
  }
  return sum / 2;
}

/** The closed outline smoothed along its length: a Gaussian of `sigmaMm` arc length over its points. */
export function smoothOutline(loop: readonly PixelPoint[], rowSpacingMm: number, colSpacingMm: number, sigmaMm: number): PixelPoint[] {
  const n = loop.length;
  if (n < 5 || sigmaMm <= 0) return [...loop];
  let perimeter = 0;
  for (let i = 0; i < n; i++) {
    const a = loop[i] as PixelPoint;
    const b = loop[(i + 1) % n] as PixelPoint;
    perimeter += Math.hypot((b.row - a.row) * rowSpacingMm, (b.col - a.col) * colSpacingMm);
  }
  const spacing = perimeter / n;
  const sigma = sigmaMm / spacing;
  const reach = Math.min(Math.floor((n - 1) / 2), Math.ceil(2.5 * sigma));
  const weights = Array.from({ length: 2 * reach + 1 }, (_, k) => Math.exp(-((k - reach) ** 2) / (2 * sigma * sigma)));
  const total = weights.reduce((s, w) => s + w, 0);
  return loop.map((_, i) => {
    let row = 0;
    let col = 0;
    for (let k = -reach; k <= reach; k++) {
      const p = loop[(i + k + n) % n] as PixelPoint;
      const w = weights[k + reach] as number;
      row += w * p.row;
      col += w * p.col;
    }
    return { row: row / total, col: col / total };
  });
}
