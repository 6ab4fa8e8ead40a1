// Binary masks over the window (1 = lesion) and the few operations the lesion needs: growing from the seed,
// filling holes, opening with a disc in millimetres (so non-square pixels get an elliptical disc), components.

export interface Mask {
  readonly rows: number;
  readonly cols: number;
  readonly bits: Uint8Array;
}

export function countOf(m: Mask): number {
  // A plain loop: typed arrays' reduce with a callback is many times slower, and this runs on every region.
  let n = 0;
  const bits = m.bits;
  for (let i = 0; i < bits.length; i++) n += bits[i] as number;
  return n;
}

/**
 * Walks the 4-connected pixels from `start` (already taken by the caller) that `take(index)` accepts; `take` marks
 * what it accepts, so each pixel is taken once. Returns how many were taken, `start` included. `stack` holds at
 * least rows x cols entries and may be shared between walks.
 */
function walk4(rows: number, cols: number, start: number, stack: Int32Array, take: (index: number) => boolean): number {
  let top = 0;
  let taken = 1;
  stack[top++] = start;
  while (top > 0) {
    const i = stack[--top] as number;
    const r = (i / cols) | 0;
    const c = i - r * cols;
    if (c > 0 && take(i - 1)) { stack[top++] = i - 1; taken++; }
    if (c < cols - 1 && take(i + 1)) { stack[top++] = i + 1; taken++; }
    if (r > 0 && take(i - cols)) { stack[top++] = i - cols; taken++; }
    if (r < rows - 1 && take(i + cols)) { stack[top++] = i + cols; taken++; }
  }
  return taken;
}

/** The 4-connected pixels reachable from `start` for which `inside(index)` holds. */
export function floodFrom(rows: number, cols: number, start: number, inside: (index: number) => boolean): Mask {
  const bits = new Uint8Array(rows * cols);
  if (!inside(start)) return { rows, cols, bits };
  bits[start] = 1;
  walk4(rows, cols, start, new Int32Array(rows * cols), (i) => {
    if (bits[i] !== 0 || !inside(i)) return false;
    bits[i] = 1;
    return true;
  });
  return { rows, cols, bits };
}

/** Labels the 4-connected components of the set pixels 1, 2, ... (0 for background); sizes[label] is each one's pixel count. */
export function labelPieces(m: Mask): { labels: Int32Array; sizes: number[] } {
  const { rows, cols, bits } = m;
  const labels = new Int32Array(rows * cols);
  const stack = new Int32Array(rows * cols);
  const sizes = [0];
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] === 0 || labels[i] !== 0) continue;
    const label = sizes.length;
    labels[i] = label;
    sizes.push(walk4(rows, cols, i, stack, (j) => {
      if (bits[j] === 0 || labels[j] !== 0) return false;
      labels[j] = label;
      return true;
    }));
  }
  return { labels, sizes };
}

/**
 * Labels the 4-connected background components of `bits` (0 pixels): label 1 for those touching the border
 * (outside), 2, 3, ... for holes; returns the labels and each label's pixel count.
 */
function labelBackground(rows: number, cols: number, bits: Uint8Array): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(rows * cols);
  const stack = new Int32Array(rows * cols);
  const sizes = [0, 0];
  const fill = (start: number, label: number) => {
    labels[start] = label;
    return walk4(rows, cols, start, stack, (i) => {
      if (bits[i] !== 0 || labels[i] !== 0) return false;
      labels[i] = label;
      return true;
    });
  };
  const border = (i: number) => {
    if (bits[i] === 0 && labels[i] === 0) sizes[1] = (sizes[1] as number) + fill(i, 1);
  };
  for (let c = 0; c < cols; c++) {
    border(c);
    border((rows - 1) * cols + c);
  }
  for (let r = 0; r < rows; r++) {
    border(r * cols);
    border(r * cols + cols - 1);
  }
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] === 0 && labels[i] === 0) sizes.push(fill(i, sizes.length));
  }
  return { labels, sizes };
}

/** Fills the holes (background not connected to the window's border) of at most `maxPixels` pixels, all by default. */
export function fillHoles(m: Mask, maxPixels = Infinity): Mask {
  const b = boxOf(m, 1);
  if (b === null) return m;
  // Beyond the region's box (one pixel round it) all background is outside: only the box is labelled.
  const part = crop(m, b);
  const { labels, sizes } = labelBackground(part.rows, part.cols, part.bits);
  const bits = new Uint8Array(part.bits.length);
  for (let i = 0; i < bits.length; i++) {
    const label = labels[i] as number;
    bits[i] = part.bits[i] === 1 || (label > 1 && (sizes[label] as number) <= maxPixels) ? 1 : 0;
  }
  return paste({ rows: part.rows, cols: part.cols, bits }, b, m.rows, m.cols);
}

/** One row or column of Felzenszwalb & Huttenlocher's squared distance transform (Theory of Computing 2012). */
function distance1d(f: Float64Array, n: number, stepMm: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  const s2 = stepMm * stepMm;
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = f[q] as number;
    if (fq === Infinity) continue;
    if ((f[v[k] as number] as number) === Infinity) {
      v[k] = q;
      continue;
    }
    let sIntersect: number;
    for (;;) {
      const p = v[k] as number;
      sIntersect = (fq + s2 * q * q - ((f[p] as number) + s2 * p * p)) / (2 * s2 * (q - p));
      if (sIntersect <= (z[k] as number) && k > 0) k--;
      else break;
    }
    k++;
    v[k] = q;
    z[k] = sIntersect;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while ((z[k + 1] as number) < q) k++;
    const p = v[k] as number;
    d[q] = (f[p] as number) === Infinity ? Infinity : s2 * (q - p) * (q - p) + (f[p] as number);
  }
}

/** Squared distance in mm from every pixel to the nearest pixel where `bits` equals `target`. */
function squaredDistanceTo(m: Mask, target: 0 | 1, rowSpacingMm: number, colSpacingMm: number, outsideIsTarget: boolean): Float64Array {
  const { rows, cols, bits } = m;
  // A frame of one pixel stands for what lies beyond the window.
  const R = rows + 2;
  const C = cols + 2;
  const grid = new Float64Array(R * C);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const inside = r > 0 && c > 0 && r <= rows && c <= cols;
      const isTarget = inside ? bits[(r - 1) * cols + (c - 1)] === target : outsideIsTarget;
      grid[r * C + c] = isTarget ? 0 : Infinity;
    }
  }
  const longest = Math.max(R, C);
  const f = new Float64Array(longest);
  const d = new Float64Array(longest);
  const v = new Int32Array(longest);
  const z = new Float64Array(longest + 1);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) f[c] = grid[r * C + c] as number;
    distance1d(f, C, colSpacingMm, d, v, z);
    for (let c = 0; c < C; c++) grid[r * C + c] = d[c] as number;
  }
  for (let c = 0; c < C; c++) {
    for (let r = 0; r < R; r++) f[r] = grid[r * C + c] as number;
    distance1d(f, R, rowSpacingMm, d, v, z);
    for (let r = 0; r < R; r++) grid[r * C + c] = d[r] as number;
  }
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = grid[(r + 1) * C + (c + 1)] as number;
  return out;
}

interface Box {
  readonly r0: number;
  readonly c0: number;
  readonly rows: number;
  readonly cols: number;
}

/** The set pixels' bounding box grown by `marginPx` (kept in the window), or null when nothing is set. */
function boxOf(m: Mask, marginPx: number): Box | null {
  let rMin = m.rows;
  let rMax = -1;
  let cMin = m.cols;
  let cMax = -1;
  for (let i = 0; i < m.bits.length; i++) {
    if (m.bits[i] === 0) continue;
    const r = (i / m.cols) | 0;
    const c = i - r * m.cols;
    if (r < rMin) rMin = r;
    if (r > rMax) rMax = r;
    if (c < cMin) cMin = c;
    if (c > cMax) cMax = c;
  }
  if (rMax < 0) return null;
  const r0 = Math.max(0, rMin - marginPx);
  const c0 = Math.max(0, cMin - marginPx);
  return { r0, c0, rows: Math.min(m.rows - 1, rMax + marginPx) - r0 + 1, cols: Math.min(m.cols - 1, cMax + marginPx) - c0 + 1 };
}

function crop(m: Mask, b: Box): Mask {
  const bits = new Uint8Array(b.rows * b.cols);
  for (let r = 0; r < b.rows; r++) bits.set(m.bits.subarray((b.r0 + r) * m.cols + b.c0, (b.r0 + r) * m.cols + b.c0 + b.cols), r * b.cols);
  return { rows: b.rows, cols: b.cols, bits };
}

function paste(part: Mask, b: Box, rows: number, cols: number): Mask {
  const bits = new Uint8Array(rows * cols);
  for (let r = 0; r < b.rows; r++) bits.set(part.bits.subarray(r * b.cols, (r + 1) * b.cols), (b.r0 + r) * cols + b.c0);
  return { rows, cols, bits };
}

/**
 * Erosion by a disc of `radiusMm`: a pixel stays when no background pixel (or the window's edge) is that near.
 * Worked out on the region's bounding box only: a lesion is a small part of the search window.
 */
export function erode(m: Mask, radiusMm: number, rowSpacingMm: number, colSpacingMm: number): Mask {
  const b = boxOf(m, 1);
  if (b === null) return m;
  const part = crop(m, b);
  // The window's own edge counts as background; a box edge inside the window is background already (margin 1).
  const d = squaredDistanceTo(part, 0, rowSpacingMm, colSpacingMm, true);
  const limit = radiusMm * radiusMm + 1e-9;
  const bits = new Uint8Array(part.bits.length);
  for (let i = 0; i < bits.length; i++) bits[i] = part.bits[i] === 1 && (d[i] as number) > limit ? 1 : 0;
  return paste({ rows: part.rows, cols: part.cols, bits }, b, m.rows, m.cols);
}

/** The radius of the largest disc inside the set pixels, in mm. */
export function inscribedRadiusMm(m: Mask, rowSpacingMm: number, colSpacingMm: number): number {
  const b = boxOf(m, 1);
  if (b === null) return 0;
  const d = squaredDistanceTo(crop(m, b), 0, rowSpacingMm, colSpacingMm, true);
  let largest = 0;
  for (const v of d) if (v > largest && v !== Infinity) largest = v;
  return Math.sqrt(largest);
}

/** Dilation by a disc of `radiusMm` (on the region's bounding box grown by the radius). */
export function dilate(m: Mask, radiusMm: number, rowSpacingMm: number, colSpacingMm: number): Mask {
  const b = boxOf(m, Math.ceil(radiusMm / Math.min(rowSpacingMm, colSpacingMm)) + 1);
  if (b === null) return m;
  const part = crop(m, b);
  const d = squaredDistanceTo(part, 1, rowSpacingMm, colSpacingMm, false);
  const limit = radiusMm * radiusMm + 1e-9;
  const bits = new Uint8Array(part.bits.length);
  for (let i = 0; i < bits.length; i++) bits[i] = (d[i] as number) <= limit ? 1 : 0;
  return paste({ rows: part.rows, cols: part.cols, bits }, b, m.rows, m.cols);
}

export function intersect(a: Mask, b: Mask): Mask {
  const bits = new Uint8Array(a.bits.length);
  for (let i = 0; i < bits.length; i++) bits[i] = (a.bits[i] as number) & (b.bits[i] as number);
  return { rows: a.rows, cols: a.cols, bits };
}

/** The 4-connected component of `m` holding the set pixel nearest `(row, col)`, or null if `m` is empty. */
export function componentNearest(m: Mask, row: number, col: number, rowSpacingMm: number, colSpacingMm: number): Mask | null {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < m.bits.length; i++) {
    if (m.bits[i] === 0) continue;
    const r = (i / m.cols) | 0;
    const c = i - r * m.cols;
    const d = ((r - row) * rowSpacingMm) ** 2 + ((c - col) * colSpacingMm) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  if (best < 0) return null;
  return floodFrom(m.rows, m.cols, best, (i) => m.bits[i] === 1);
}

/** Whether any set pixel lies on the window's border: the region ran on to the edge of the search. */
export function touchesBorder(m: Mask): boolean {
  const { rows, cols, bits } = m;
  for (let c = 0; c < cols; c++) if (bits[c] === 1 || bits[(rows - 1) * cols + c] === 1) return true;
  for (let r = 0; r < rows; r++) if (bits[r * cols] === 1 || bits[r * cols + cols - 1] === 1) return true;
  return false;
}
