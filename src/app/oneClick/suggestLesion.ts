// "Suggest" at a follow-up: the lesion measured at baseline, found again on the follow-up slice at the same location.
// Seeds are tried from the expected centre outwards over a search window (only where the tissue is of the baseline
// lesion's density, so the liver or the lung round it costs no segmentation); each lesion found is scored by how far
// it lies from where the lesion was, how its size compares with the baseline's (a weak prior: a response changes it)
// and how its HU compares. The best is offered to the reader, never saved without them. Pure: slices in, an outline
// out; the worker runs it (oneClickWorker.ts).
import { err, ok, type Result } from '../../shared/result';
import { segmentLesion } from '../../segment/segmentLesion';
import type { LesionOutline, PixelPoint, SegmentFailure, SliceHu } from '../../segment/types';
import { insideOutline } from './insideOutline';

/** What the baseline says about the lesion. */
export interface LesionPriors {
  readonly longAxisMm: number;
  /** Its median HU and the HU band it was separated in at baseline, when the baseline slice could be segmented. */
  readonly lesionHu?: number;
  readonly band?: { readonly lowerHu: number; readonly upperHu: number };
}

export interface Suggestion {
  readonly outline: LesionOutline;
  /** The seed the outline was grown from. */
  readonly seed: PixelPoint;
  /** Millimetres from the expected centre to the centre of the outline's long axis. */
  readonly offsetMm: number;
}

export interface SuggestFailure {
  readonly code: 'NOT_FOUND';
  readonly detail: string;
}

export type Segmenter = (slice: SliceHu, seed: PixelPoint) => Result<LesionOutline, SegmentFailure>;

/** Seeds are this far apart: a lesion worth measuring (10 mm) holds several. */
export const SEED_STEP_MM = 3;
/** A seed's tissue may lie this far outside the baseline lesion's band (noise on a 3 x 3 mean, a change of density). */
const BAND_MARGIN_HU = 20;
/** Segmentations tried at most: the nearest seeds first, so the lesion where it was is always among them. */
export const MAX_ATTEMPTS = 40;
/**
 * A lesion found over the very place it was, scoring under this, is taken at once: the search round it would only
 * cost time (each segmentation is tens of milliseconds).
 */
const SETTLED_SCORE = 1;
/** Weights of the score's terms (each about 1 at the edge of plausible). */
const SIZE_WEIGHT = 0.5;
const HU_SCALE = 60;

const centreOf = (o: LesionOutline): PixelPoint => ({
  row: (o.longAxis[0].row + o.longAxis[1].row) / 2,
  col: (o.longAxis[0].col + o.longAxis[1].col) / 2,
});

/** The mean HU of the 3 x 3 pixels round p: the seed's tissue, read through less noise than one pixel. */
export function huAround(slice: SliceHu, p: PixelPoint): number {
  const slope = slice.slope ?? 1;
  const intercept = slice.intercept ?? 0;
  let sum = 0;
  let n = 0;
  for (let r = Math.round(p.row) - 1; r <= Math.round(p.row) + 1; r++) {
    for (let c = Math.round(p.col) - 1; c <= Math.round(p.col) + 1; c++) {
      if (r < 0 || c < 0 || r >= slice.rows || c >= slice.cols) continue;
      sum += (slice.values[r * slice.cols + c] as number) * slope + intercept;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

/** Seeds within `windowMm` of `centre`, on a grid of SEED_STEP_MM, nearest first (the centre itself first). */
export function seedsAround(slice: SliceHu, centre: PixelPoint, windowMm: number): PixelPoint[] {
  const stepRows = SEED_STEP_MM / slice.rowSpacingMm;
  const stepCols = SEED_STEP_MM / slice.colSpacingMm;
  const reach = Math.floor(windowMm / SEED_STEP_MM);
  const seeds: { p: PixelPoint; d: number }[] = [];
  for (let i = -reach; i <= reach; i++) {
    for (let j = -reach; j <= reach; j++) {
      const d = Math.hypot(i, j) * SEED_STEP_MM;
      const p = { row: centre.row + i * stepRows, col: centre.col + j * stepCols };
      if (d > windowMm || p.row < 0 || p.col < 0 || p.row > slice.rows - 1 || p.col > slice.cols - 1) continue;
      seeds.push({ p, d });
    }
  }
  return seeds.sort((a, b) => a.d - b.d).map((s) => s.p);
}

/** Lower is better: distance in windows, size as a log ratio, HU in HU_SCALEs. */
export function suggestionScore(outline: LesionOutline, offsetMm: number, windowMm: number, priors: LesionPriors): number {
  const size = Math.abs(Math.log(outline.longAxisMm / priors.longAxisMm));
  const hu = priors.lesionHu === undefined ? 0 : Math.abs(outline.lesionHu - priors.lesionHu) / HU_SCALE;
  return offsetMm / windowMm + SIZE_WEIGHT * size + hu;
}

export function suggestLesion(
  slice: SliceHu, centre: PixelPoint, priors: LesionPriors, windowMm: number, segment: Segmenter = segmentLesion,
): Result<Suggestion, SuggestFailure> {
  const found: Suggestion[] = [];
  let attempts = 0;
  for (const seed of seedsAround(slice, centre, windowMm)) {
    if (attempts >= MAX_ATTEMPTS) break;
    if (found.some((f) => insideOutline(seed, f.outline.contour))) continue;
    if (priors.band) {
      const hu = huAround(slice, seed);
      if (!(hu >= priors.band.lowerHu - BAND_MARGIN_HU && hu <= priors.band.upperHu + BAND_MARGIN_HU)) continue;
    }
    attempts++;
    const result = segment(slice, seed);
    if (!result.ok) continue;
    const c = centreOf(result.value);
    const offsetMm = Math.hypot((c.row - centre.row) * slice.rowSpacingMm, (c.col - centre.col) * slice.colSpacingMm);
    // A lesion centred outside the window is another one, reached from its edge.
    if (offsetMm > windowMm) continue;
    const suggestion = { outline: result.value, seed, offsetMm };
    if (insideOutline(centre, result.value.contour) && suggestionScore(result.value, offsetMm, windowMm, priors) < SETTLED_SCORE) return ok(suggestion);
    found.push(suggestion);
  }
  const best = found
    .map((f) => ({ f, score: suggestionScore(f.outline, f.offsetMm, windowMm, priors) }))
    .sort((a, b) => a.score - b.score)[0];
  if (!best) {
    return err({
      code: 'NOT_FOUND',
      detail: `no lesion could be separated within ${windowMm} mm of where it was at baseline${attempts === 0 ? ' (no tissue there of its density)' : ''}`,
    });
  }
  return ok(best.f);
}
