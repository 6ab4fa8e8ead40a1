// One click to a lesion's outline and diameters, on one axial slice (RECIST measures in the axial plane).
//
// 1. A window of SEARCH_RADIUS_MM round the click, in HU, smoothed (Gaussian, SMOOTHING_MM): CT noise of 10-15 HU
//    would otherwise swamp a liver lesion only 15-40 HU darker than the liver.
// 2. The HU band (huBand.ts): the lesion's level at the click against the tissues rays meet round it; the band's
//    edges are the midpoints between lesion and neighbours, where the true edge of a partial-volume ramp lies.
// 3. Region growing from the click within the band, 4-connected, then hole filling (a calcification, noise).
// 4. Leak guard: a region that runs into tissue of the lesion's density (a vessel touching a lung nodule, the organ
//    round a lesion) is opened with a disc: a thin or elongated piece beyond a narrow neck is cut and the part at
//    the click is kept (a compact piece beyond a neck is the rest of a low-contrast lesion and stays). A region
//    that still reaches the edge of the search, or whose border is mostly such cuts rather than an HU edge, is not
//    a lesion one can separate: it is refused, never shown as a wild outline.
// 5. The outline chosen as a whole (polarOutline.ts) on rays from the region's centre, scored against the band,
//    and the band read again from the area inside it until the lesion's level settles: the result depends on the
//    lesion, not on where in it the click fell. Then its RECIST diameters (diameters.ts).
import { err, ok, type Result } from '../shared/result';
import { outlineField, shoelace, smoothOutline, traceOutline } from './contour';
import { measureOutline } from './diameters';
import { chooseBand, minimumContrastHu, refineBand, RING_MM, sameTissueHu, seedLevel, smoothNoiseHu, type HuBand, type RingLevels } from './huBand';
import { maskInside, polarOutline } from './polarOutline';
import { componentNearest, countOf, inscribedRadiusMm, dilate, erode, fillHoles, floodFrom, intersect, labelPieces, touchesBorder, type Mask } from './mask';
import { median } from './stats';
import type { LesionOutline, PixelPoint, SegmentFailure, SliceHu } from './types';
import { cutWindow, type HuWindow } from './window';

export const SEARCH_RADIUS_MM = 70;
export const SMOOTHING_MM = 1.5;
/** The lesion's first level is read in this disc round the click (a click lands within half a lesion's radius of its centre). */
const SEED_DISC_MM = 2.5;
/** The other two starting levels, in noise SDs of the smoothed image either side of the level read at the click. */
const LEVEL_SPREAD_SDS = 1.5;
/**
 * A region found from a level the click did not read must stand out from both neighbours by this many noise SDs
 * (and by the same-tissue contrast): a bright patch of noise inside a low-contrast lesion stands out by about 3.4,
 * and its outline would be wrong; without it the click is refused, and the reader draws by hand.
 */
const OFF_CLICK_CONTRAST_SDS = 3.6;
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
/**
 * In lung (a darker neighbour this many HU below the lesion) the disc is larger: a vessel as thick as half a nodule's
 * radius runs along it there, and the nodule's edge is sharp enough for the larger disc to follow its own outline.
 */
const LUNG_CONTRAST_HU = 400;
const LUNG_NECK_OPENING_SHARE = 0.75;
const MAX_NECK_OPENING_MM = 4.5;
/** Most of a lesion's border is an HU edge; a region bounded mostly by cuts is a piece of an organ. */
const MAX_CUT_SHARE = 0.4;
/** The outline is smoothed along its length over this (Gaussian SD): noise makes single-pixel bumps, and the long axis is the outline's most extreme pair of points. */
const OUTLINE_SMOOTHING_MM = 1;
/**
 * The outline's price per millimetre against the score of the area it takes in (1 per mm^2 at the lesion's level).
 * Kept small: a length price pulls the whole outline inwards by price / radius, most on small lesions; the bumps
 * of noise are priced by the outline's steepness instead (polarOutline.ts).
 */
const LENGTH_PRICE = 0.1;
/** The band is read again from the chosen outline at most this many times. */
const SETTLE_ROUNDS = 3;
/** Below this long axis what was found is noise, not a lesion (RECIST's own minimum is 10 mm). */
const MIN_LONG_AXIS_MM = 3;
/**
 * An outline filling less than this share of the ellipse on its two axes is a lesion with a vessel (or an organ's
 * edge) run on from it, a long thin tail that makes the long axis: refused, never shown. Lesions fill 0.7-1 (an
 * ellipse 1, a lobulated one about 0.8); a 15 mm nodule with 65 mm of vessel about 0.35.
 */
const MIN_FILL_OF_AXES = 0.5;

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
    if (startHu !== lesionHu && attempt.ok && bandContrastHu(attempt.value.band) < Math.max(sameTissueHu(noiseHu), OFF_CLICK_CONTRAST_SDS * noiseHu)) continue;
    if (found === null || (!found.ok && attempt.ok) || (found.ok && attempt.ok && countOf(attempt.value.region) > countOf(found.value.region))) found = attempt;
  }
  if (found === null) {
    return fail('NO_EDGE', `nothing within ${SEARCH_RADIUS_MM} mm of the point differs from its ${Math.round(lesionHu)} HU: no lesion edge to follow`);
  }
  if (!found.ok) return err(found.error.failure);
  const { band: finalBand, loop } = settleOutline(w, found.value, seedRow, seedCol);
  if (loop.length < 3 || Math.abs(shoelace(loop)) === 0) return fail('TOO_SMALL', 'the region found is a few pixels only: no lesion there');
  const contour = smoothOutline(loop, w.rowSpacingMm, w.colSpacingMm, OUTLINE_SMOOTHING_MM).map((p) => ({ row: p.row + w.row0, col: p.col + w.col0 }));
  const d = measureOutline(contour, rowSpacingMm, colSpacingMm);
  if (d.longAxisMm < MIN_LONG_AXIS_MM) {
    return fail('TOO_SMALL', `what differs from its surroundings there is ${d.longAxisMm.toFixed(1)} mm across, less than ${MIN_LONG_AXIS_MM} mm: noise, not a lesion`);
  }
  const fill = d.areaMm2 / ((Math.PI / 4) * d.longAxisMm * d.shortAxisMm);
  if (fill < MIN_FILL_OF_AXES) {
    return fail('LEAKS', `the outline found runs on along something thin (a vessel, an organ's edge): ${d.longAxisMm.toFixed(1)} mm long for ${d.shortAxisMm.toFixed(1)} mm across and only ${Math.round(fill * 100)} % of that ellipse filled`);
  }
  return ok({ contour, ...d, lesionHu: finalBand.lesionHu, band: { lowerHu: finalBand.lowerHu, upperHu: finalBand.upperHu } });
}

/**
 * The outline chosen as a whole on rays from the region's centre (polarOutline.ts), and the band settled from the
 * area inside it: the levels are read again from that area and its ring and the outline chosen again, until the
 * lesion's level stops moving. Both depend on the lesion, not on the click that found it.
 */
function settleOutline(w: HuWindow, found: Found, seedRow: number, seedCol: number): { band: HuBand; loop: PixelPoint[] } {
  let band = found.band;
  let region = found.region;
  let loop: PixelPoint[] | null = null;
  // The outline may reach only a little beyond the region found: tissue of the lesion's level further out (a muscle
  // or bowel loop beside a node) would lower the lesion's level read from it, widen the band, and run away.
  const reach = dilate(found.region, OUTLINE_REACH_MM, w.rowSpacingMm, w.colSpacingMm);
  let around = ringLevels(w, region);
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const strips = hasBothNeighbours(around, band);
    const next = polarOutline({ w, region, blocked: found.cutOff, reached: intersect(reachedFrom(w, region, band), reach), levels: band, lengthPrice: LENGTH_PRICE, strips });
    if (next === null) break;
    const inside = maskInside(next, w.rows, w.cols);
    // The outline must hold the click (a ray fan from a misplaced centre could close round something else).
    if (inside.bits[seedRow * w.cols + seedCol] !== 1) break;
    loop = next;
    region = inside;
    around = ringLevels(w, region);
    const settled = refineBand(band, around);
    if (settled === null) break;
    const moved = Math.max(Math.abs(settled.lesionHu - band.lesionHu), Math.abs(settled.lowerHu - band.lowerHu), Math.abs(settled.upperHu - band.upperHu));
    if (moved < 1) break;
    band = settled;
  }
  return { band, loop: loop ?? traceOutline(outlineField(found.region, w.smooth, band.lowerHu, band.upperHu), found.region) };
}

/**
 * How far beyond the region found by growing the chosen outline may reach: enough for a lobe or the half of a faint
 * lesion the click's band missed; the sample's node T3, beside soft tissue of its own level, grows from 8 mm on.
 */
const OUTLINE_REACH_MM = 5;
/** The band is widened by this many noise SDs to say what tissue is connected to the lesion. */
const REACH_NOISE_SDS = 2;

/**
 * What is connected to the region through tissue near the band (widened by noise): the rest of a low-contrast
 * lesion that noise split off at the click's band is, the rim of a vessel across a gap of fat is not.
 */
function reachedFrom(w: HuWindow, region: Mask, band: HuBand): Mask {
  const lower = band.lowerHu - REACH_NOISE_SDS * band.noiseHu;
  const upper = band.upperHu + REACH_NOISE_SDS * band.noiseHu;
  const bits = new Uint8Array(region.bits.length);
  const stack: number[] = [];
  for (let i = 0; i < bits.length; i++) {
    if (region.bits[i] === 1) {
      bits[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const r = (i / w.cols) | 0;
    const c = i - r * w.cols;
    const visit = (j: number) => {
      if (bits[j] === 1) return;
      const g = w.smooth[j] as number;
      if (g < lower || g > upper) return;
      bits[j] = 1;
      stack.push(j);
    };
    if (c > 0) visit(i - 1);
    if (c < w.cols - 1) visit(i + 1);
    if (r > 0) visit(i - w.cols);
    if (r < w.rows - 1) visit(i + w.cols);
  }
  return { rows: w.rows, cols: w.cols, bits };
}

/** A sizeable share of the ring round the region is beyond each edge of the band: a brighter and a darker neighbour. */
function hasBothNeighbours(levels: RingLevels, band: HuBand): boolean {
  const min = BOTH_NEIGHBOURS_SHARE * levels.ring.length;
  return levels.ring.filter((v) => v > band.upperHu).length >= min && levels.ring.filter((v) => v < band.lowerHu).length >= min;
}
const BOTH_NEIGHBOURS_SHARE = 0.1;

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
  /** What the leak guard cut off: the outline must not take it back in. */
  readonly cutOff: Mask;
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
  const levels = ringLevels(w, first.value.region);
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
  const settled = refineBand(refined, ringLevels(w, second.value.region));
  if (settled === null || Math.abs(settled.lesionHu - refined.lesionHu) < 1) return ok({ ...second.value, band: refined });
  const third = growRegion(w, seedRow, seedCol, settled);
  return third.ok ? ok({ ...third.value, band: settled }) : ok({ ...second.value, band: refined });
}

/** The region grown from the seed within the band, holes filled, leaks cut; or why there is none. */
function growRegion(w: HuWindow, seedRow: number, seedCol: number, band: HuBand): Result<Omit<Found, 'band'>, SegmentFailure> {
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
  const guarded = guardLeaks(grown, w, seedRow, seedCol, 2 * (band.lesionHu - band.lowerHu) > LUNG_CONTRAST_HU ? LUNG_NECK_OPENING_SHARE : NECK_OPENING_SHARE);
  const region = guarded === null ? null : fillHoles(guarded.region);
  if (region === null) {
    return fail('LEAKS', `the region runs on into tissue of the same density (${Math.round(band.lowerHu)} to ${Math.round(band.upperHu)} HU) beyond ${SEARCH_RADIUS_MM} mm and cannot be cut off: click inside a lesion, or measure it by hand`);
  }
  const { cutOff } = guarded as Guarded;
  const cutShare = cutBorderShare(region, cutOff);
  if (cutShare > MAX_CUT_SHARE) {
    return fail('LEAKS', `only ${Math.round((1 - cutShare) * 100)} % of the region's border is an edge in HU: it is part of an organ or a vessel, not a lesion on its own`);
  }
  return ok({ region, cutOff });
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

/**
 * The region opened with a disc, the piece at the click kept (restricted to the region), or null. A piece that
 * does not reach the click is another structure (the lesion was thinner than the disc): never the answer.
 */
function openedPiece(region: Mask, w: HuWindow, row: number, col: number, radiusMm: number): Mask | null {
  const core = componentNearest(erode(region, radiusMm, w.rowSpacingMm, w.colSpacingMm), row, col, w.rowSpacingMm, w.colSpacingMm);
  if (core === null) return null;
  const piece = fillHoles(intersect(dilate(core, radiusMm, w.rowSpacingMm, w.colSpacingMm), region));
  return startPixel(w, row, col, (i) => piece.bits[i] === 1) < 0 ? null : piece;
}

interface Guarded {
  readonly region: Mask;
  /** What the leak guard cut off (its sizeable pieces only): tissue of the lesion's density beyond a neck. */
  readonly cutOff: Mask;
}

function guardLeaks(grown: Mask, w: HuWindow, row: number, col: number, neckShare: number): Guarded | null {
  const { rowSpacingMm: rs, colSpacingMm: cs } = w;
  if (!touchesBorder(grown)) {
    // A vessel or duct running into the lesion is narrower than the lesion: a disc a little over half the largest
    // one inside the region passes through the lesion but not along the vessel.
    const radiusMm = Math.min(MAX_NECK_OPENING_MM, Math.max(LEAK_OPENING_MM[0], neckShare * inscribedRadiusMm(grown, rs, cs)));
    const piece = openedPiece(grown, w, row, col, radiusMm);
    // Cut only when what the disc took off holds a sizeable piece (a vessel), not the slivers of a lobe's tip; and
    // only a thin or elongated one: a compact piece the disc fits in, beyond a neck, is the rest of a low-contrast
    // lesion that noise had nearly split, and stays.
    if (piece !== null) {
      const cores = erode(grown, radiusMm, rs, cs);
      const off = sizeablePiecesOff(grown, piece, NECK_SHARE * countOf(piece));
      const cutOff = withoutPiecesHolding(off, cores, rs, cs);
      if (countOf(cutOff) > 0) {
        const kept = new Uint8Array(grown.bits.length);
        for (let i = 0; i < kept.length; i++) kept[i] = grown.bits[i] === 1 && cutOff.bits[i] === 0 && (piece.bits[i] === 1 || off.bits[i] === 1) ? 1 : 0;
        const region = componentNearest({ rows: grown.rows, cols: grown.cols, bits: kept }, row, col, rs, cs);
        if (region !== null) return { region, cutOff };
      }
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
  const { labels, sizes } = labelPieces({ rows: whole.rows, cols: whole.cols, bits: off });
  const bits = new Uint8Array(whole.bits.length);
  for (let i = 0; i < off.length; i++) bits[i] = (labels[i] as number) > 0 && (sizes[labels[i] as number] as number) > minPixels ? 1 : 0;
  return { rows: whole.rows, cols: whole.cols, bits };
}

/**
 * A piece fills at least this share of the disc whose diameter is its bounding box's diagonal to be compact (half
 * a disc fills 0.4; a vessel five times as long as it is wide about 0.25).
 */
const COMPACT_FILL = 0.2;

/** The connected pieces of `pieces` that are thin (hold no pixel of `cores`) or elongated. */
function withoutPiecesHolding(pieces: Mask, cores: Mask, rs: number, cs: number): Mask {
  const { labels, sizes } = labelPieces(pieces);
  const n = sizes.length;
  const thick = new Uint8Array(n);
  const rMin = new Float64Array(n).fill(Infinity);
  const rMax = new Float64Array(n).fill(-Infinity);
  const cMin = new Float64Array(n).fill(Infinity);
  const cMax = new Float64Array(n).fill(-Infinity);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    if (label === 0) continue;
    if (cores.bits[i] === 1) thick[label] = 1;
    const r = (i / pieces.cols) | 0;
    const c = i - r * pieces.cols;
    rMin[label] = Math.min(rMin[label] as number, r);
    rMax[label] = Math.max(rMax[label] as number, r);
    cMin[label] = Math.min(cMin[label] as number, c);
    cMax[label] = Math.max(cMax[label] as number, c);
  }
  const cut = new Uint8Array(n);
  for (let label = 1; label < n; label++) {
    const diagonalMm = Math.hypot(((rMax[label] as number) - (rMin[label] as number) + 1) * rs, ((cMax[label] as number) - (cMin[label] as number) + 1) * cs);
    const compact = (sizes[label] as number) * rs * cs >= COMPACT_FILL * (Math.PI / 4) * diagonalMm * diagonalMm;
    cut[label] = thick[label] === 1 && compact ? 0 : 1;
  }
  const bits = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) bits[i] = cut[labels[i] as number] as number;
  return { rows: pieces.rows, cols: pieces.cols, bits };
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
