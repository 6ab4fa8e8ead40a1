// One click to a lesion's outline and diameters, on one axial slice (RECIST measures in the axial plane).
//
// 1. A window of SEARCH_RADIUS_MM round the click, in HU, smoothed (Gaussian, SMOOTHING_MM): CT noise of 10-15 HU
//    would otherwise swamp a liver lesion only 15-40 HU darker than the liver.
// 2. The HU band (huBand.ts): the lesion's level at the click against the tissues rays meet round it; the band's
//    edges are the midpoints between lesion and neighbours, where the true edge of a partial-volume ramp lies.
// 3. Region growing from the click within the band, 4-connected, then hole filling (a calcification, noise).
// 4. Leak guard: a region that runs into tissue of the lesion's density (a vessel touching a lung nodule, the organ
//    round a lesion) is opened with a disc: the narrow neck is cut and the part round the click is kept. A region
//    that still reaches the edge of the search, or whose border is mostly such cuts rather than an HU edge, is not
//    a lesion one can separate: it is refused, never shown as a wild outline.
// 5. The outline (contour.ts), sub-pixel, and its RECIST diameters (diameters.ts).
import { err, ok, type Result } from '../shared/result';
import { outlineField, shoelace, smoothOutline, traceOutline } from './contour';
import { measureOutline } from './diameters';
import { chooseBand, minimumContrastHu, refineBand, RING_MM, sameTissueHu, seedLevel, smoothNoiseHu, type HuBand, type RingLevels } from './huBand';
import { componentNearest, countOf, inscribedRadiusMm, dilate, erode, fillHoles, floodFrom, intersect, touchesBorder, type Mask } from './mask';
import { median } from './stats';
import type { LesionOutline, PixelPoint, SegmentFailure, SliceHu } from './types';
import { cutWindow, type HuWindow } from './window';

export const SEARCH_RADIUS_MM = 70;
export const SMOOTHING_MM = 1.5;
/** The lesion's first level is read in this disc round the click (a click lands within half a lesion's radius of its centre). */
const SEED_DISC_MM = 2.5;
/** The other two starting levels, in noise SDs of the smoothed image either side of the level read at the click. */
const LEVEL_SPREAD_SDS = 1.5;
/** The lesion's level is read this far inside its edge, off the partial-volume ramp. */
const INSIDE_MARGIN_MM = 1.5;
/** Opening radii tried in turn when the region runs to the edge of the search. */
const LEAK_OPENING_MM = [2, 3, 4.5] as const;
/** Holes up to this radius are filled before the leak guard. */
const SMALL_HOLE_MM = 2;
/** Every region is opened this much: spurs of noise along a low-contrast edge would lengthen the long axis. */
const SPUR_OPENING_MM = 1.5;
/**
 * A piece this share of the lesion or larger, cut off by the opening, was a vessel or an organ: it stays cut.
 * Smaller ones are the ragged edge of a low-contrast lesion, which the opening must not take for necks.
 */
const NECK_SHARE = 0.08;
/** The opening's disc against the largest disc inside the region, and its largest radius. */
const NECK_OPENING_SHARE = 0.55;
const MAX_NECK_OPENING_MM = 4.5;
/** Most of a lesion's border is an HU edge; a region bounded mostly by cuts is a piece of an organ. */
const MAX_CUT_SHARE = 0.4;
/** The outline is smoothed along its length over this (Gaussian SD): noise makes single-pixel bumps, and the long axis is the outline's most extreme pair of points. */
const OUTLINE_SMOOTHING_MM = 1;
/** Below this long axis what was found is noise, not a lesion (RECIST's own minimum is 10 mm). */
const MIN_LONG_AXIS_MM = 3;

const fail = (code: SegmentFailure['code'], detail: string): Result<never, SegmentFailure> => err({ code, detail });

export function segmentLesion(slice: SliceHu, seed: PixelPoint): Result<LesionOutline, SegmentFailure> {
  const { rows, cols, rowSpacingMm, colSpacingMm } = slice;
  if (!(rowSpacingMm > 0 && colSpacingMm > 0 && Number.isFinite(rowSpacingMm) && Number.isFinite(colSpacingMm))) {
    return fail('NO_SPACING', 'the slice has no pixel spacing, so nothing on it can be measured in millimetres');
  }
  if (rows < 3 || cols < 3 || slice.values.length < rows * cols) return fail('OUTSIDE_IMAGE', `the slice is ${rows} x ${cols} pixels: too small to hold a lesion`);
  if (!(seed.row >= 0 && seed.col >= 0 && seed.row <= rows - 1 && seed.col <= cols - 1)) {
    return fail('OUTSIDE_IMAGE', `the point (row ${seed.row}, column ${seed.col}) is not on the ${rows} x ${cols} image`);
  }
  const w = cutWindow(slice, seed, SEARCH_RADIUS_MM, SMOOTHING_MM);
  const seedRow = Math.round(seed.row) - w.row0;
  const seedCol = Math.round(seed.col) - w.col0;
  const lagPx = Math.max(2, Math.ceil((3 * SMOOTHING_MM) / Math.min(rowSpacingMm, colSpacingMm)));
  const noiseHu = smoothNoiseHu(w, lagPx);
  const lesionHu = seedLevel(w, seedRow, seedCol, SEED_DISC_MM);
  // The level at the click is read through noise: two more starts, a noise SD and a half either side, and the
  // largest region found wins (a misread level cuts the lesion short; one that would run into the organ is refused
  // by the leak guard, so the largest is the whole lesion).
  let found: Result<Found, NotFound> | null = null;
  for (const startHu of [lesionHu, lesionHu - LEVEL_SPREAD_SDS * noiseHu, lesionHu + LEVEL_SPREAD_SDS * noiseHu]) {
    const attempt = regionAt(w, seedRow, seedCol, startHu, noiseHu);
    if (attempt === null) continue;
    // From a level the click did not read, a lesion must stand out clearly on both sides: else it is a patch of noise.
    if (startHu !== lesionHu && attempt.ok && bandContrastHu(attempt.value.band) < sameTissueHu(noiseHu)) continue;
    if (found === null || (!found.ok && attempt.ok) || (found.ok && attempt.ok && countOf(attempt.value.region) > countOf(found.value.region))) found = attempt;
  }
  if (found === null) {
    return fail('NO_EDGE', `nothing within ${SEARCH_RADIUS_MM} mm of the point differs from its ${Math.round(lesionHu)} HU: no lesion edge to follow`);
  }
  if (!found.ok) return err(found.error.failure);
  const { region, band: finalBand } = found.value;
  const loop = traceOutline(outlineField(region, w.smooth, finalBand.lowerHu, finalBand.upperHu), region);
  if (loop.length < 3 || Math.abs(shoelace(loop)) === 0) return fail('TOO_SMALL', 'the region found is a few pixels only: no lesion there');
  const contour = smoothOutline(loop, w.rowSpacingMm, w.colSpacingMm, OUTLINE_SMOOTHING_MM).map((p) => ({ row: p.row + w.row0, col: p.col + w.col0 }));
  const d = measureOutline(contour, rowSpacingMm, colSpacingMm);
  if (d.longAxisMm < MIN_LONG_AXIS_MM) {
    return fail('TOO_SMALL', `what differs from its surroundings there is ${d.longAxisMm.toFixed(1)} mm across, less than ${MIN_LONG_AXIS_MM} mm: noise, not a lesion`);
  }
  return ok({ contour, ...d, lesionHu: finalBand.lesionHu, band: { lowerHu: finalBand.lowerHu, upperHu: finalBand.upperHu } });
}

/** The smaller of the lesion's contrasts to its two neighbours, as its band says (twice the distance to each edge). */
const bandContrastHu = (band: HuBand): number => 2 * Math.min(band.upperHu - band.lesionHu, band.lesionHu - band.lowerHu);

/** The region from one starting level: the band from the rays, grown, refined; or null when no ray met an edge. */
function regionAt(w: HuWindow, seedRow: number, seedCol: number, startHu: number, noiseHu: number): Result<Found, NotFound> | null {
  const band = chooseBand(w, seedRow, seedCol, startHu, noiseHu, SEARCH_RADIUS_MM);
  if (band === null) return null;
  let found = regionFrom(w, seedRow, seedCol, band);
  if (!found.ok && found.error.retryHu !== undefined) {
    // The level read at the click was off (noise): the tissue round what was found is the lesion. Once more from there.
    const again = chooseBand(w, seedRow, seedCol, found.error.retryHu, noiseHu, SEARCH_RADIUS_MM);
    if (again !== null) found = regionFrom(w, seedRow, seedCol, again);
  }
  return found;
}

interface Found {
  readonly region: Mask;
  readonly band: HuBand;
}

/** A failure, and the level to try again from when the region found sits inside a larger one of that level. */
interface NotFound {
  readonly failure: SegmentFailure;
  readonly retryHu?: number;
}

/** Grown in the first band, the band refined from that region, grown again. */
function regionFrom(w: HuWindow, seedRow: number, seedCol: number, band: HuBand): Result<Found, NotFound> {
  const first = growRegion(w, seedRow, seedCol, band);
  if (!first.ok) return err({ failure: first.error });
  const levels = ringLevels(w, first.value);
  const refined = refineBand(band, levels);
  if (refined === null) {
    const failure: SegmentFailure = {
      code: 'NO_EDGE',
      detail: `what is round the point differs from its surroundings by less than ${Math.round(minimumContrastHu(band.noiseHu))} HU (noise ${band.noiseHu.toFixed(1)} HU): no lesion stands out there`,
    };
    return err(levels.ring.length > 0 ? { failure, retryHu: median(levels.ring) } : { failure });
  }
  const second = growRegion(w, seedRow, seedCol, refined);
  if (!second.ok) return err({ failure: second.error });
  // Once more from the second region: a first region cut short by a misread level has a ring that is still partly
  // lesion; the second is nearer the whole lesion, and its levels settle the band.
  const settled = refineBand(refined, ringLevels(w, second.value));
  if (settled === null || Math.abs(settled.lesionHu - refined.lesionHu) < 1) return ok({ region: second.value, band: refined });
  const third = growRegion(w, seedRow, seedCol, settled);
  return third.ok ? ok({ region: third.value, band: settled }) : ok({ region: second.value, band: refined });
}

/** The region grown from the seed within the band, holes filled, leaks cut; or why there is none. */
function growRegion(w: HuWindow, seedRow: number, seedCol: number, band: HuBand): Result<Mask, SegmentFailure> {
  const banded = new Uint8Array(w.smooth.length);
  for (let i = 0; i < banded.length; i++) {
    const g = w.smooth[i] as number;
    banded[i] = g >= band.lowerHu && g <= band.upperHu ? 1 : 0;
  }
  const inBand = (i: number) => banded[i] === 1;
  const start = startPixel(w, seedRow, seedCol, inBand);
  if (start < 0) return fail('NO_EDGE', 'the point is on an edge, not inside a lesion: click inside it');
  // Small holes (noise, a calcification) are filled before the leak guard; large ones only after it: the ramp round
  // a vessel touching the lesion is in the band too, and filled it would take the vessel in.
  const smallHolePixels = (Math.PI * SMALL_HOLE_MM * SMALL_HOLE_MM) / (w.rowSpacingMm * w.colSpacingMm);
  const grown = fillHoles(floodFrom(w.rows, w.cols, start, inBand), smallHolePixels);
  const guarded = guardLeaks(grown, w, seedRow, seedCol);
  const region = guarded === null ? null : fillHoles(guarded.region);
  if (region === null) {
    return fail('LEAKS', `the region runs on into tissue of the same density (${Math.round(band.lowerHu)} to ${Math.round(band.upperHu)} HU) beyond ${SEARCH_RADIUS_MM} mm and cannot be cut off: click inside a lesion, or measure it by hand`);
  }
  const cutShare = cutBorderShare(region, (guarded as Guarded).cutOff);
  if (cutShare > MAX_CUT_SHARE) {
    return fail('LEAKS', `only ${Math.round((1 - cutShare) * 100)} % of the region's border is an edge in HU: it is part of an organ or a vessel, not a lesion on its own`);
  }
  return ok(region);
}

/** Smoothed HU inside the region and in a ring round it, past the edge's ramp. */
function ringLevels(w: HuWindow, region: Mask): RingLevels {
  const near = dilate(region, RING_MM.from, w.rowSpacingMm, w.colSpacingMm);
  const far = dilate(region, RING_MM.to, w.rowSpacingMm, w.colSpacingMm);
  const core = erode(region, INSIDE_MARGIN_MM, w.rowSpacingMm, w.colSpacingMm);
  const body = countOf(core) >= 12 ? core : region;
  const inside: number[] = [];
  const ring: number[] = [];
  for (let i = 0; i < region.bits.length; i++) {
    if (body.bits[i] === 1) inside.push(w.smooth[i] as number);
    if (region.bits[i] === 1) continue;
    if (far.bits[i] === 1 && near.bits[i] === 0) ring.push(w.smooth[i] as number);
  }
  return { inside, ring };
}

/** The seed, or the nearest in-band pixel within the seed disc (a click on a noisy pixel), or -1. */
function startPixel(w: HuWindow, row: number, col: number, inBand: (i: number) => boolean): number {
  const rr = Math.max(1, Math.round(SEED_DISC_MM / w.rowSpacingMm));
  const rc = Math.max(1, Math.round(SEED_DISC_MM / w.colSpacingMm));
  let best = -1;
  let bestD = Infinity;
  for (let dr = -rr; dr <= rr; dr++) {
    for (let dc = -rc; dc <= rc; dc++) {
      const r = row + dr;
      const c = col + dc;
      if (r < 0 || c < 0 || r >= w.rows || c >= w.cols || !inBand(r * w.cols + c)) continue;
      const d = (dr * w.rowSpacingMm) ** 2 + (dc * w.colSpacingMm) ** 2;
      if (d < bestD) {
        bestD = d;
        best = r * w.cols + c;
      }
    }
  }
  return best;
}

/** The region opened with a disc, the piece nearest the click kept (restricted to the region), or null. */
function openedPiece(region: Mask, w: HuWindow, row: number, col: number, radiusMm: number): Mask | null {
  const core = componentNearest(erode(region, radiusMm, w.rowSpacingMm, w.colSpacingMm), row, col, w.rowSpacingMm, w.colSpacingMm);
  if (core === null) return null;
  return fillHoles(intersect(dilate(core, radiusMm, w.rowSpacingMm, w.colSpacingMm), region));
}

interface Guarded {
  readonly region: Mask;
  /** What the leak guard cut off (its sizeable pieces only): tissue of the lesion's density beyond a neck. */
  readonly cutOff: Mask;
}

function guardLeaks(grown: Mask, w: HuWindow, row: number, col: number): Guarded | null {
  const { rowSpacingMm: rs, colSpacingMm: cs } = w;
  if (!touchesBorder(grown)) {
    // A vessel or duct running into the lesion is narrower than the lesion: a disc a little over half the largest
    // one inside the region passes through the lesion but not along the vessel.
    const radiusMm = Math.min(MAX_NECK_OPENING_MM, Math.max(LEAK_OPENING_MM[0], NECK_OPENING_SHARE * inscribedRadiusMm(grown, rs, cs)));
    const piece = openedPiece(grown, w, row, col, radiusMm);
    // Cut only when what the disc took off holds a sizeable piece (a vessel), not the slivers of a lobe's tip.
    if (piece !== null) {
      const cutOff = sizeablePiecesOff(grown, piece, NECK_SHARE * countOf(piece));
      if (countOf(cutOff) > 0) return { region: piece, cutOff };
    }
    // No neck: only the noise's thin spurs along a low-contrast edge go.
    const trimmed = openedPiece(grown, w, row, col, SPUR_OPENING_MM) ?? grown;
    return { region: trimmed, cutOff: { rows: grown.rows, cols: grown.cols, bits: new Uint8Array(grown.bits.length) } };
  }
  for (const radiusMm of LEAK_OPENING_MM) {
    const piece = openedPiece(grown, w, row, col, radiusMm);
    if (piece !== null && !touchesBorder(piece)) return { region: piece, cutOff: sizeablePiecesOff(grown, piece, NECK_SHARE * countOf(piece)) };
  }
  return null;
}

/** The connected pieces of `whole` outside `kept` of more than `minPixels` pixels. */
function sizeablePiecesOff(whole: Mask, kept: Mask, minPixels: number): Mask {
  const off = new Uint8Array(whole.bits.length);
  for (let i = 0; i < off.length; i++) off[i] = whole.bits[i] === 1 && kept.bits[i] === 0 ? 1 : 0;
  const bits = new Uint8Array(whole.bits.length);
  for (let i = 0; i < off.length; i++) {
    if (off[i] !== 1) continue;
    const piece = floodFrom(whole.rows, whole.cols, i, (j) => off[j] === 1);
    const size = countOf(piece);
    for (let j = 0; j < off.length; j++) {
      if (piece.bits[j] === 0) continue;
      off[j] = 2;
      if (size > minPixels) bits[j] = 1;
    }
  }
  return { rows: whole.rows, cols: whole.cols, bits };
}

/** The share of the region's border (pixel sides) against what the leak guard cut off: cut, not an edge in HU. */
function cutBorderShare(region: Mask, cutOff: Mask): number {
  const banded = cutOff.bits;
  const { rows, cols, bits } = region;
  let border = 0;
  let cut = 0;
  const side = (j: number) => {
    if (bits[j] === 1) return;
    border++;
    cut += banded[j] as number;
  };
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] === 0) continue;
    const r = (i / cols) | 0;
    const c = i - r * cols;
    if (c > 0) side(i - 1);
    if (c < cols - 1) side(i + 1);
    if (r > 0) side(i - cols);
    if (r < rows - 1) side(i + cols);
  }
  return border === 0 ? 0 : cut / border;
}

export type { HuBand };
