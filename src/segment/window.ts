// The part of the slice a click can concern: a square of the search radius round the seed, in HU, and the same
// smoothed. Working on this window keeps one click on a 512 x 512 slice to a few tens of thousands of pixels.
import type { PixelPoint, SliceHu } from './types';

export interface HuWindow {
  /** The window's first row and column in the slice. */
  readonly row0: number;
  readonly col0: number;
  readonly rows: number;
  readonly cols: number;
  readonly rowSpacingMm: number;
  readonly colSpacingMm: number;
  /** HU, row by row. */
  readonly hu: Float32Array;
  /** HU after a Gaussian blur of `smoothingMm`: what thresholds are applied to. */
  readonly smooth: Float32Array;
}

export function cutWindow(slice: SliceHu, seed: PixelPoint, radiusMm: number, smoothingMm: number): HuWindow {
  const halfRows = Math.ceil(radiusMm / slice.rowSpacingMm);
  const halfCols = Math.ceil(radiusMm / slice.colSpacingMm);
  const seedRow = Math.round(seed.row);
  const seedCol = Math.round(seed.col);
  const row0 = Math.max(0, seedRow - halfRows);
  const col0 = Math.max(0, seedCol - halfCols);
  const rows = Math.min(slice.rows - 1, seedRow + halfRows) - row0 + 1;
  const cols = Math.min(slice.cols - 1, seedCol + halfCols) - col0 + 1;
  const slope = slice.slope ?? 1;
  const intercept = slice.intercept ?? 0;
  const hu = new Float32Array(rows * cols);
  // Row by row through set(), which converts any typed array natively; the LUT after, on one array type.
  for (let r = 0; r < rows; r++) {
    const from = (row0 + r) * slice.cols + col0;
    hu.set(slice.values.subarray(from, from + cols), r * cols);
  }
  if (slope !== 1 || intercept !== 0) for (let i = 0; i < hu.length; i++) hu[i] = (hu[i] as number) * slope + intercept;
  const smooth = gaussianBlur(hu, rows, cols, smoothingMm / slice.rowSpacingMm, smoothingMm / slice.colSpacingMm);
  return { row0, col0, rows, cols, rowSpacingMm: slice.rowSpacingMm, colSpacingMm: slice.colSpacingMm, hu, smooth };
}

function kernel(sigmaPx: number): Float32Array {
  if (sigmaPx < 0.3) return Float32Array.of(1);
  const radius = Math.ceil(2.5 * sigmaPx);
  const k = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const w = Math.exp(-(i * i) / (2 * sigmaPx * sigmaPx));
    k[i + radius] = w;
    sum += w;
  }
  for (let i = 0; i < k.length; i++) k[i] = (k[i] as number) / sum;
  return k;
}

/** Separable Gaussian blur; the border is extended by its edge value (no dark frame round the window). */
export function gaussianBlur(src: Float32Array, rows: number, cols: number, sigmaRowsPx: number, sigmaColsPx: number): Float32Array {
  const kc = kernel(sigmaColsPx);
  const kr = kernel(sigmaRowsPx);
  const rc = (kc.length - 1) / 2;
  const rr = (kr.length - 1) / 2;
  const across = new Float32Array(src.length);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let k = -rc; k <= rc; k++) {
        const cc = c + k < 0 ? 0 : c + k >= cols ? cols - 1 : c + k;
        sum += (kc[k + rc] as number) * (src[base + cc] as number);
      }
      across[base + c] = sum;
    }
  }
  const out = new Float32Array(src.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let k = -rr; k <= rr; k++) {
        const rowK = r + k < 0 ? 0 : r + k >= rows ? rows - 1 : r + k;
        sum += (kr[k + rr] as number) * (across[rowK * cols + c] as number);
      }
      out[r * cols + c] = sum;
    }
  }
  return out;
}

/** Bilinear sample of the smoothed window at a window position (clamped to the window). */
export function sampleSmooth(w: HuWindow, row: number, col: number): number {
  const r = Math.min(w.rows - 1.000001, Math.max(0, row));
  const c = Math.min(w.cols - 1.000001, Math.max(0, col));
  const r0 = Math.floor(r);
  const c0 = Math.floor(c);
  const fr = r - r0;
  const fc = c - c0;
  const i = r0 * w.cols + c0;
  const a = w.smooth[i] as number;
  const b = w.smooth[i + 1] as number;
  const d = w.smooth[i + w.cols] as number;
  const e = w.smooth[i + w.cols + 1] as number;
  return (a * (1 - fc) + b * fc) * (1 - fr) + (d * (1 - fc) + e * fc) * fr;
}
