// The lesion's outline chosen as a whole (a discrete Chan-Vese energy solved exactly on rays, as polar dynamic
// programming does for nodules and nodes): rays leave the region's centre; each pixel on a ray scores +1 at the
// lesion's level, 0 at the midpoint to a neighbour (the true edge of a partial-volume ramp), -1 at the neighbour's
// level. The outline maximises the score of the area it encloses minus a price per millimetre of its length. Low
// contrast makes the pixel-wise band noisy (a 15 HU lesion in 12 HU noise); summed over the area, the noise
// cancels, and the length price keeps noise's bumps and spurs off the outline while the region's whole shape stays.
// The result no longer depends on where inside the lesion the click fell: only the region's centre and its levels
// enter it.
import type { Mask } from './mask';
import type { PixelPoint } from './types';
import { sampleSmooth, type HuWindow } from './window';

/** The levels the rays are scored against: the lesion's, and the band's edges (midpoints to its neighbours). */
export interface OutlineLevels {
  readonly lesionHu: number;
  readonly lowerHu: number;
  readonly upperHu: number;
  /** Noise of the smoothed image (HU, standard deviation). */
  readonly noiseHu: number;
}

/** Radial step along each ray. */
const STEP_MM = 0.25;
/** Rays are this far apart on the outline, at most (their number grows with the lesion). */
const ARC_MM = 0.75;
const MIN_RAYS = 64;
const MAX_RAYS = 256;
/** The outline may run this many times as steeply outwards as round (a lobe's flank, not a vessel's spike). */
const MAX_SLOPE = 3;

export interface PolarOutlineInput {
  readonly w: HuWindow;
  /** The region found by growing: where the centre is, and how far the rays reach. */
  readonly region: Mask;
  /** Pixels that must stay outside (the vessels the leak guard cut off). */
  readonly blocked: Mask;
  /** What the band reached from the click: lesion-level tissue outside it (the rim of a nearby vessel) scores 0 at most. */
  readonly reached: Mask;
  readonly levels: OutlineLevels;
  /** The price of a millimetre of outline, in score x mm (the score is 1 per mm^2 of lesion-level tissue). */
  readonly lengthPrice: number;
  /** The lesion has a brighter and a darker neighbour both: a strip of the brighter between it and the darker is looked for. */
  readonly strips: boolean;
}

/** The outline, in window pixel coordinates, or null when the region has no centre to cast rays from. */
export function polarOutline(input: PolarOutlineInput): PixelPoint[] | null {
  const { w, region, blocked, reached, levels, lengthPrice, strips } = input;
  const rs = w.rowSpacingMm;
  const cs = w.colSpacingMm;
  const centre = centreOf(region, rs, cs);
  if (centre === null) return null;
  const reachMm = farthestMm(region, centre, rs, cs);
  const maxMm = 1.6 * reachMm + 4;
  const samples = Math.max(4, Math.ceil(maxMm / STEP_MM));
  const rays = Math.min(MAX_RAYS, Math.max(MIN_RAYS, Math.ceil((2 * Math.PI * reachMm) / ARC_MM)));
  const dTheta = (2 * Math.PI) / rays;
  const upperHalf = Math.max(1e-3, levels.upperHu - levels.lesionHu);
  const lowerHalf = Math.max(1e-3, levels.lesionHu - levels.lowerHu);
  const profile = new Float64Array(samples);
  const open = new Uint8Array(samples);
  const wallRise = Math.max(WALL_RISE_SDS * levels.noiseHu, WALL_RISE_SHARE * 2 * (levels.upperHu - levels.lesionHu));
  const wallSamples = Math.ceil(WALL_MM / STEP_MM);
  // gain[i * samples + k]: the score of the area from the centre out to sample k on ray i (inclusive).
  const gain = new Float64Array(rays * samples);
  for (let i = 0; i < rays; i++) {
    const sin = Math.sin(i * dTheta);
    const cos = Math.cos(i * dTheta);
    let sum = 0;
    let shut = false;
    for (let k = 0; k < samples; k++) {
      const rho = (k + 0.5) * STEP_MM;
      const r = centre.row + (rho * sin) / rs;
      const c = centre.col + (rho * cos) / cs;
      const inside = r >= 0 && c >= 0 && r <= w.rows - 1 && c <= w.cols - 1;
      // Past a blocked pixel (a vessel cut off) a ray does not come back into the lesion.
      const pixel = inside ? Math.round(r) * w.cols + Math.round(c) : -1;
      if (inside && !shut && blocked.bits[pixel] === 1) shut = true;
      profile[k] = inside && !shut ? sampleSmooth(w, r, c) : Number.NaN;
      open[k] = inside && !shut && reached.bits[pixel] === 1 ? 1 : 0;
    }
    const wall = strips ? wallAt(profile, levels, wallRise, wallSamples) : samples;
    for (let k = 0; k < samples; k++) {
      const rho = (k + 0.5) * STEP_MM;
      const g = profile[k] as number;
      let score = -1;
      if (!Number.isNaN(g) && k < wall) {
        score = Math.max(-1, Math.min(1, (levels.upperHu - g) / upperHalf, (g - levels.lowerHu) / lowerHalf));
        if (open[k] === 0) score = Math.min(0, score);
      }
      sum += score * rho * STEP_MM * dTheta;
      gain[i * samples + k] = sum;
    }
  }
  const radii = bestRadii(gain, rays, samples, dTheta, lengthPrice, reachMm);
  const scoreAt = (i: number, k: number) => (k < 0 ? 1 : k >= samples ? -1 : (gain[i * samples + k] as number) - (k > 0 ? (gain[i * samples + k - 1] as number) : 0));
  return radii.map((k, i) => {
    const rho = edgeNear(k, (j) => scoreAt(i, j));
    return { row: centre.row + (rho * Math.sin(i * dTheta)) / rs, col: centre.col + (rho * Math.cos(i * dTheta)) / cs };
  });
}

/**
 * A wall: along a ray, a peak above the lesion's level by this many noise SDs (or this share of its contrast to the
 * brighter neighbour), followed within WALL_MM by a fall into the darker neighbour, is a thin strip of the brighter
 * tissue between the lesion and the darker one (liver between a lesion and the fat beyond the liver's edge). Blurred
 * between two darker tissues the strip peaks only 6 HU above a lesion 22 HU darker than liver (1.5 smoothed noise
 * SDs), so the rise asked for is small; it is looked for only round a lesion whose ring shows both neighbours, and
 * only just before the darker one, where a peak of noise would cost at most the millimetre or two up to its edge.
 */
const WALL_RISE_SDS = 1;
const WALL_RISE_SHARE = 0.15;
const WALL_MM = 5;
/** The lesion's edge lies a little past the blurred strip's peak (the peak is pulled inwards by the darker tissue beyond). */
const WALL_BEYOND_PEAK = 2;

/**
 * The sample where a ray leaves the lesion at a wall (just past the strip's peak), or the profile's length when it
 * meets none. NaN samples are outside the image or past a vessel cut off.
 */
function wallAt(profile: Float64Array, levels: OutlineLevels, rise: number, within: number): number {
  const n = profile.length;
  const peakHu = levels.lesionHu + rise;
  for (let k = 1; k < n - 1; k++) {
    const g = profile[k] as number;
    if (Number.isNaN(g) || g < peakHu || g < (profile[k - 1] as number) || g < (profile[k + 1] as number)) continue;
    // A peak: a wall when the profile falls into the darker neighbour within reach, without rising above it first.
    for (let j = k + 1; j < n && j <= k + within; j++) {
      const h = profile[j] as number;
      if (Number.isNaN(h) || h > g) break;
      if (h < levels.lowerHu) return Math.min(n, k + WALL_BEYOND_PEAK);
    }
  }
  return n;
}

/**
 * The price of the outline's steepness: (rise)^2 / run per pair of neighbouring rays, in score x mm. A bump of
 * noise 1 mm high and 6 mm long costs about as much as the half-lesion-level area it would take in, so it goes; a
 * circle costs nothing, and an oval's flanks little beside the lesion-level area that holds its tips out.
 */
const SMOOTH_PRICE = 1;

/** How far a chosen radius may move to the score's zero crossing: within the length price's pull, not to noise. */
const SNAP_SAMPLES = 2;

/**
 * The edge on a ray near the chosen radius (sample k inside, k + 1 outside): where the score crosses zero,
 * interpolated between samples, when it does so within SNAP_SAMPLES; else between k and k + 1. The sub-sample
 * crossing takes the length price's slight inward pull and the sampling step off the diameters.
 */
function edgeNear(k: number, score: (j: number) => number): number {
  for (let d = 0; d <= SNAP_SAMPLES; d++) {
    for (const j of d === 0 ? [k] : [k - d, k + d]) {
      const a = score(j);
      const b = score(j + 1);
      if (a > 0 && b <= 0) return (j + 0.5 + a / (a - b)) * STEP_MM;
    }
  }
  return (k + 1) * STEP_MM;
}

/**
 * The closed path of radii (sample indices) with the largest gain minus length price, by dynamic programming over
 * three turns (the middle turn's path closes on itself: where it starts no longer matters).
 */
function bestRadii(gain: Float64Array, rays: number, samples: number, dTheta: number, lengthPrice: number, reachMm: number): number[] {
  const maxStep = Math.max(1, Math.min(16, Math.ceil((MAX_SLOPE * Math.max(reachMm, 2) * dTheta) / STEP_MM)));
  const turns = 3;
  const steps = turns * rays;
  const from = new Int16Array(steps * samples);
  let value = new Float64Array(samples);
  let next = new Float64Array(samples);
  for (let k = 0; k < samples; k++) value[k] = gain[k] as number;
  // The price of a step from radius j to radius k = j + d, the same on every ray: worked out once.
  const width = 2 * maxStep + 1;
  const price = new Float64Array(samples * width);
  const cosD = Math.cos(dTheta);
  for (let k = 0; k < samples; k++) {
    const rho = (k + 1) * STEP_MM;
    for (let d = -maxStep; d <= maxStep; d++) {
      const rhoJ = (k + d + 1) * STEP_MM;
      const chord = Math.sqrt(Math.max(0, rho * rho + rhoJ * rhoJ - 2 * rho * rhoJ * cosD));
      const rise = rho - rhoJ;
      price[k * width + d + maxStep] = lengthPrice * chord + (SMOOTH_PRICE * rise * rise) / (0.5 * (rho + rhoJ) * dTheta);
    }
  }
  for (let t = 1; t < steps; t++) {
    const ray = t % rays;
    for (let k = 0; k < samples; k++) {
      let best = -Infinity;
      let bestJ = k;
      const jFrom = Math.max(0, k - maxStep);
      const jTo = Math.min(samples - 1, k + maxStep);
      const row = k * width + maxStep - k;
      for (let j = jFrom; j <= jTo; j++) {
        const v = (value[j] as number) - (price[row + j] as number);
        if (v > best) {
          best = v;
          bestJ = j;
        }
      }
      next[k] = best + (gain[ray * samples + k] as number);
      from[t * samples + k] = bestJ;
    }
    [value, next] = [next, value];
  }
  let k = 0;
  for (let j = 1; j < samples; j++) if ((value[j] as number) > (value[k] as number)) k = j;
  const path = new Int16Array(steps);
  for (let t = steps - 1; t >= 0; t--) {
    path[t] = k;
    if (t > 0) k = from[t * samples + k] as number;
  }
  return Array.from(path.subarray(rays, 2 * rays));
}

/** The region's centroid when it lies well inside the region, else the point deepest inside it. */
function centreOf(m: Mask, rs: number, cs: number): PixelPoint | null {
  let n = 0;
  let sr = 0;
  let sc = 0;
  for (let i = 0; i < m.bits.length; i++) {
    if (m.bits[i] === 0) continue;
    const r = (i / m.cols) | 0;
    n++;
    sr += r;
    sc += i - r * m.cols;
  }
  if (n === 0) return null;
  const centroid = { row: sr / n, col: sc / n };
  const depth = depthOf(m, rs, cs);
  let deepest = -1;
  let deepestD = 0;
  for (let i = 0; i < depth.length; i++) {
    if ((depth[i] as number) > deepestD) {
      deepestD = depth[i] as number;
      deepest = i;
    }
  }
  const at = Math.round(centroid.row) * m.cols + Math.round(centroid.col);
  if ((depth[at] as number) >= 0.5 * deepestD || deepest < 0) return centroid;
  return { row: (deepest / m.cols) | 0, col: deepest % m.cols };
}

/** Distance (mm, by a two-pass chamfer) from each region pixel to the nearest pixel outside. */
function depthOf(m: Mask, rs: number, cs: number): Float64Array {
  const { rows, cols, bits } = m;
  const d = new Float64Array(rows * cols);
  const diag = Math.hypot(rs, cs);
  for (let i = 0; i < d.length; i++) d[i] = bits[i] === 1 ? Infinity : 0;
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= rows || c >= cols ? 0 : (d[r * cols + c] as number));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (d[i] === 0) continue;
      d[i] = Math.min(d[i] as number, at(r - 1, c) + rs, at(r, c - 1) + cs, at(r - 1, c - 1) + diag, at(r - 1, c + 1) + diag);
    }
  }
  for (let r = rows - 1; r >= 0; r--) {
    for (let c = cols - 1; c >= 0; c--) {
      const i = r * cols + c;
      if (d[i] === 0) continue;
      d[i] = Math.min(d[i] as number, at(r + 1, c) + rs, at(r, c + 1) + cs, at(r + 1, c + 1) + diag, at(r + 1, c - 1) + diag);
    }
  }
  return d;
}

function farthestMm(m: Mask, centre: PixelPoint, rs: number, cs: number): number {
  let far = 0;
  for (let i = 0; i < m.bits.length; i++) {
    if (m.bits[i] === 0) continue;
    const r = (i / m.cols) | 0;
    const c = i - r * m.cols;
    far = Math.max(far, Math.hypot((r - centre.row) * rs, (c - centre.col) * cs));
  }
  return far;
}

/** The pixels inside a closed outline (pixel centres, even-odd rule), as a mask of the window's size. */
export function maskInside(outline: readonly PixelPoint[], rows: number, cols: number): Mask {
  const bits = new Uint8Array(rows * cols);
  const n = outline.length;
  for (let r = 0; r < rows; r++) {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = outline[i] as PixelPoint;
      const b = outline[(i + 1) % n] as PixelPoint;
      if ((a.row <= r) !== (b.row <= r)) xs.push(a.col + ((r - a.row) / (b.row - a.row)) * (b.col - a.col));
    }
    xs.sort((p, q) => p - q);
    for (let j = 0; j + 1 < xs.length; j += 2) {
      const from = Math.max(0, Math.ceil(xs[j] as number));
      const to = Math.min(cols - 1, Math.floor(xs[j + 1] as number));
      for (let c = from; c <= to; c++) bits[r * cols + c] = 1;
    }
  }
  return { rows, cols, bits };
}
