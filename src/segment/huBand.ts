// The HU band a lesion is grown in, chosen from the click's neighbourhood against its surroundings. Rays are cast
// from the seed; each stops where the smoothed image leaves the seed's level for good and reads the tissue beyond.
// A pixel then belongs to the lesion when its HU is nearer the lesion's than the nearest tissue's on that side:
// the band's edges are the midpoints between the lesion and its darker and brighter neighbours. The midpoint of a
// partial-volume ramp is the true edge, so a liver lesion against liver (lesion + 30 HU) and against fat
// (lesion - 120 HU) is cut at its own edge on both sides, and the fat beyond a liver edge is never taken in.
import { median, mode, quantile } from './stats';
import { sampleSmooth, type HuWindow } from './window';

export interface HuBand {
  readonly lesionHu: number;
  readonly lowerHu: number;
  readonly upperHu: number;
  /** Noise of the smoothed image (HU, standard deviation). */
  readonly noiseHu: number;
  /** Rays that met an edge, of all cast. */
  readonly edgeRays: number;
  readonly rays: number;
}

const RAYS = 64;
const STEP_MM = 0.5;
/** A crossing counts once the profile has stayed beyond the tolerance this far: noise does not stay out that long. */
const STAY_MM = 2;
/** The tissue beyond an edge is read past its partial-volume ramp, over this stretch. */
const BEYOND_FROM_MM = 2.5;
const BEYOND_TO_MM = 6;
/** Fewest HU a lesion must differ from a neighbour by to have an edge at all. */
const MIN_CONTRAST_HU = 8;
/** On a side where no neighbouring tissue was met the band still ends somewhere: this many noise SDs out. */
const OPEN_SIDE_NOISE_SDS = 5;
/** A side counts when this many rays met tissue on it (one or two could be streaks of noise). */
const MIN_SIDE_RAYS = 4;

/** Standard deviation of the smoothed image's noise, robust to edges: differences at a lag beyond the blur. */
export function smoothNoiseHu(w: HuWindow, lagPx: number): number {
  const diffs: number[] = [];
  const step = Math.max(1, Math.floor(Math.min(w.rows, w.cols) / 60));
  for (let r = 0; r + lagPx < w.rows; r += step) {
    for (let c = 0; c + lagPx < w.cols; c += step) {
      const v = w.smooth[r * w.cols + c] as number;
      diffs.push(Math.abs(v - (w.smooth[r * w.cols + c + lagPx] as number)));
      diffs.push(Math.abs(v - (w.smooth[(r + lagPx) * w.cols + c] as number)));
    }
  }
  if (diffs.length === 0) return 0;
  return (1.4826 * median(diffs)) / Math.SQRT2;
}

/**
 * The lesion's level: the median of the smoothed image in a small disc round the seed (window coordinates); the
 * median of the unsmoothed HU instead when the two differ by more than noise could make them: the blur has mixed a
 * very different neighbour into a small lesion (a 10 mm lung nodule's smoothed centre reads 100 HU too low).
 */
export function seedLevel(w: HuWindow, row: number, col: number, radiusMm: number): number {
  const smooth: number[] = [];
  const raw: number[] = [];
  const rr = Math.max(1, Math.round(radiusMm / w.rowSpacingMm));
  const rc = Math.max(1, Math.round(radiusMm / w.colSpacingMm));
  for (let dr = -rr; dr <= rr; dr++) {
    for (let dc = -rc; dc <= rc; dc++) {
      const r = row + dr;
      const c = col + dc;
      if (r < 0 || c < 0 || r >= w.rows || c >= w.cols) continue;
      if ((dr / rr) ** 2 + (dc / rc) ** 2 > 1.0001) continue;
      smooth.push(w.smooth[r * w.cols + c] as number);
      raw.push(w.hu[r * w.cols + c] as number);
    }
  }
  const level = median(smooth);
  const rawLevel = median(raw);
  return Math.abs(rawLevel - level) > BLUR_BIAS_HU ? rawLevel : level;
}

/** Beyond this, the smoothed and unsmoothed levels at a click differ by the blur, not by noise. */
const BLUR_BIAS_HU = 40;

interface RayEdge {
  readonly beyondHu: number;
}

function castRay(w: HuWindow, row: number, col: number, angle: number, lesionHu: number, toleranceHu: number, maxMm: number): RayEdge | null {
  const dRow = (Math.sin(angle) * STEP_MM) / w.rowSpacingMm;
  const dCol = (Math.cos(angle) * STEP_MM) / w.colSpacingMm;
  const steps = Math.floor(maxMm / STEP_MM);
  const stay = Math.round(STAY_MM / STEP_MM);
  let run = 0;
  let runSign = 0;
  for (let k = 1; k <= steps; k++) {
    const r = row + dRow * k;
    const c = col + dCol * k;
    if (r < 0 || c < 0 || r > w.rows - 1 || c > w.cols - 1) return null;
    const diff = sampleSmooth(w, r, c) - lesionHu;
    const sign = diff > toleranceHu ? 1 : diff < -toleranceHu ? -1 : 0;
    if (sign !== 0 && sign === runSign) run++;
    else {
      run = sign === 0 ? 0 : 1;
      runSign = sign;
    }
    if (run < stay) continue;
    const crossing = k - stay + 1;
    const beyond: number[] = [];
    for (let m = crossing + Math.round(BEYOND_FROM_MM / STEP_MM); m <= crossing + Math.round(BEYOND_TO_MM / STEP_MM); m++) {
      const br = row + dRow * m;
      const bc = col + dCol * m;
      if (br < 0 || bc < 0 || br > w.rows - 1 || bc > w.cols - 1) break;
      beyond.push(sampleSmooth(w, br, bc));
    }
    // Past the ramp the tissue must still be on the same side of the lesion: a thin rim is not a neighbour.
    const beyondHu = beyond.length > 0 ? median(beyond) : sampleSmooth(w, r, c);
    if ((beyondHu - lesionHu) * runSign <= toleranceHu) {
      run = 0;
      runSign = 0;
      continue;
    }
    return { beyondHu };
  }
  return null;
}

/** The band, or null when no ray met an edge. */
export function chooseBand(w: HuWindow, row: number, col: number, lesionHu: number, noiseHu: number, maxMm: number): HuBand | null {
  const toleranceHu = Math.max(MIN_CONTRAST_HU / 2, 2 * noiseHu);
  const above: number[] = [];
  const below: number[] = [];
  for (let i = 0; i < RAYS; i++) {
    const edge = castRay(w, row, col, (2 * Math.PI * i) / RAYS, lesionHu, toleranceHu, maxMm);
    if (edge === null) continue;
    (edge.beyondHu > lesionHu ? above : below).push(edge.beyondHu);
  }
  const edgeRays = above.length + below.length;
  if (edgeRays === 0) return null;
  const open = OPEN_SIDE_NOISE_SDS * noiseHu + MIN_CONTRAST_HU;
  const minRays = MIN_SIDE_RAYS;
  // The nearest tissue on each side sets its edge: a quartile, so a few far brighter vessels do not widen the band.
  // A side whose tissue is hardly different from the click's level is the lesion itself, read where noise had
  // moved the level at the click: that side is left open.
  const weak = sameTissueHu(noiseHu);
  const aboveHu = above.length >= minRays ? quantile(above, 0.25) : null;
  const belowHu = below.length >= minRays ? quantile(below, 0.75) : null;
  const upperHu = aboveHu !== null && aboveHu - lesionHu >= weak ? (lesionHu + aboveHu) / 2 : lesionHu + Math.max(open, nearestGap(below, lesionHu));
  const lowerHu = belowHu !== null && lesionHu - belowHu >= weak ? (lesionHu + belowHu) / 2 : lesionHu - Math.max(open, nearestGap(above, lesionHu));
  return { lesionHu, lowerHu, upperHu, noiseHu, edgeRays, rays: RAYS };
}

/** Half the contrast to the other side's tissue: how far a band reaches on a side with no tissue of its own. */
function nearestGap(other: readonly number[], lesionHu: number): number {
  return other.length === 0 ? 0 : Math.abs(median(other) - lesionHu) / 2;
}

/** The ring round a region where its neighbours are read: past the partial-volume ramp, a few millimetres wide. */
const RING_FROM_MM = 2.5;
const RING_TO_MM = 6;
/** A side of the band is set by the ring when this share of the ring is on it. */
const MIN_RING_SHARE = 0.1;
/** The lesion must differ from its main neighbour by this many noise SDs (and MIN_CONTRAST_HU): else it is noise. */
const MIN_CONTRAST_NOISE_SDS = 2;
/** The least contrast a lesion is looked for at (liver metastases can be 15 HU from liver). */
const MIN_LESION_CONTRAST_HU = 10;

export interface RingLevels {
  /** Smoothed HU inside the region (away from its edge) and in the ring round it. */
  readonly inside: readonly number[];
  readonly ring: readonly number[];
}

/**
 * The band again from a first region: the lesion's level is the median over the whole region (not a few pixels
 * at the click), each side's neighbour level the mode of the ring's pixels on that side. A side the ring does not
 * show keeps the first band's edge. Null when the lesion does not stand out from its main neighbour: a patch of
 * noise in an organ, not a lesion.
 */
export function refineBand(first: HuBand, levels: RingLevels): HuBand | null {
  if (levels.inside.length === 0 || levels.ring.length === 0) return first;
  const level = (values: readonly number[]) => mode(values, 1, Math.max(1, first.noiseHu / 2));
  // The lesion's own level as the median of its inside: the mode of a low-contrast lesion's noisy histogram jumps
  // between peaks, and a region that missed a brighter lobe would then hold a band that keeps missing it.
  const lesionHu = median(levels.inside);
  const cut = Math.max(MIN_CONTRAST_HU / 2, first.noiseHu);
  const above = levels.ring.filter((v) => v > lesionHu + cut);
  const below = levels.ring.filter((v) => v < lesionHu - cut);
  const minCount = MIN_RING_SHARE * levels.ring.length;
  const aboveHu = above.length >= minCount ? level(above) : null;
  const belowHu = below.length >= minCount ? level(below) : null;
  const weak = sameTissueHu(first.noiseHu);
  const upperHu = aboveHu !== null && aboveHu - lesionHu >= weak ? (lesionHu + aboveHu) / 2 : first.upperHu - first.lesionHu + lesionHu;
  const lowerHu = belowHu !== null && lesionHu - belowHu >= weak ? (lesionHu + belowHu) / 2 : first.lowerHu - first.lesionHu + lesionHu;
  // The neighbour that surrounds most of the lesion must differ from it clearly.
  const mainHu = above.length >= below.length ? aboveHu : belowHu;
  const contrast = mainHu !== null ? Math.abs(mainHu - lesionHu) : 0;
  if (contrast < minimumContrastHu(first.noiseHu)) return null;
  return { ...first, lesionHu, lowerHu, upperHu };
}

/** What a lesion must differ from its surroundings by, at this noise, to be told from a patch of noise. */
export const minimumContrastHu = (noiseHu: number): number => Math.max(MIN_LESION_CONTRAST_HU, MIN_CONTRAST_NOISE_SDS * noiseHu);

/** A neighbour this close to the lesion's level is taken for the lesion itself (its level misread in the noise). */
export const sameTissueHu = (noiseHu: number): number => Math.max(12, 3 * noiseHu);

export const RING_MM = { from: RING_FROM_MM, to: RING_TO_MM } as const;
