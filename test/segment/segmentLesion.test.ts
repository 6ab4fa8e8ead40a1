// One click to a lesion: exact synthetic slices whose truth is known, and the clicks where there is no lesion.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HU } from '../../src/phantom/anatomy/tissue';
import { oneClickCase } from '../../src/phantom/oneClickCases';
import { SoftEllipse } from '../../src/phantom/shapes';
import { measureOutline } from '../../src/segment/diameters';
import { segmentLesion } from '../../src/segment/segmentLesion';
import type { SliceHu } from '../../src/segment/types';
import { readCtSlice } from '../phantom/readCtSlice';
import { syntheticSlice } from './syntheticSlice';

const SPACING = 0.75;
const at = (xMm: number, yMm: number) => ({ row: yMm / SPACING, col: xMm / SPACING });

function measured(slice: SliceHu, xMm: number, yMm: number) {
  const r = segmentLesion(slice, at(xMm, yMm));
  if (!r.ok) throw new Error(`expected a lesion, got ${r.error.code}: ${r.error.detail}`);
  return r.value;
}

describe('segmentLesion', () => {
  it('measures a round liver metastasis 30 HU darker than liver to within half a millimetre', () => {
    const slice = syntheticSlice(256, SPACING, HU.liver, [{ shape: new SoftEllipse(96, 96, 12, 12, 0, 2), hu: HU.liver - 30 }]);
    const m = measured(slice, 97, 95);
    expect(m.longAxisMm).toBeGreaterThan(23.5);
    expect(m.longAxisMm).toBeLessThan(24.5);
    expect(m.shortAxisMm).toBeGreaterThan(23.5);
    expect(Math.abs(m.areaMm2 / (Math.PI * 144) - 1)).toBeLessThan(0.03);
    expect(m.lesionHu).toBeCloseTo(HU.liver - 30, 0);
  });

  it('measures an oval node in fat along its tilted axes (the blur rounds its tips off by a few tenths)', () => {
    const slice = syntheticSlice(256, SPACING, HU.fat, [{ shape: new SoftEllipse(96, 96, 14, 8, Math.PI / 5, 2), hu: 40 }]);
    const m = measured(slice, 96, 96);
    expect(Math.abs(m.longAxisMm - 28)).toBeLessThan(1);
    expect(Math.abs(m.shortAxisMm - 16)).toBeLessThan(0.6);
    const [a, b] = m.longAxis;
    expect(Math.atan2((b.row - a.row), (b.col - a.col)) % Math.PI).toBeCloseTo(Math.PI / 5, 1);
  });

  it('measures on non-square pixels in millimetres', () => {
    // A 20 mm circle on rows 0.5 mm apart and columns 1 mm apart: 40 rows tall, 20 columns wide.
    const rows = 200;
    const cols = 100;
    const values = new Float32Array(rows * cols).fill(HU.fat);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const d = Math.hypot((r - 100) * 0.5, (c - 50) * 1);
        const alpha = Math.min(1, Math.max(0, 0.5 - (d - 10) / 1.5));
        values[r * cols + c] = HU.fat + alpha * (40 - HU.fat);
      }
    }
    const r = segmentLesion({ values, rows, cols, rowSpacingMm: 0.5, colSpacingMm: 1 }, { row: 100, col: 50 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.longAxisMm).toBeGreaterThan(19.3);
    expect(r.value.longAxisMm).toBeLessThan(20.7);
    expect(r.value.shortAxisMm).toBeGreaterThan(19.3);
  });

  it('cuts a vessel running into a lung nodule off instead of measuring along it', () => {
    const nodule = new SoftEllipse(96, 96, 7, 7, 0, 1.6);
    const vessel = new SoftEllipse(96 + 7 + 30, 96, 30, 1.5, 0, 1.6);
    const slice = syntheticSlice(256, SPACING, HU.lung, [{ shape: vessel, hu: HU.lungVessel }, { shape: nodule, hu: 30 }]);
    const m = measured(slice, 96, 96);
    expect(m.longAxisMm).toBeLessThan(16.5);
    expect(m.longAxisMm).toBeGreaterThan(13.5);
  });

  it('keeps a liver lesion against the liver edge apart from the fat outside (the edge\'s ramp adds a little)', () => {
    const liver = new SoftEllipse(96, 96, 80, 60, 0);
    const lesion = new SoftEllipse(96 + 80 - 10, 96, 10, 10, 0, 2);
    const slice = syntheticSlice(256, SPACING, HU.fat, [{ shape: liver, hu: HU.liver }, { shape: lesion, hu: HU.liver - 35 }]);
    const m = measured(slice, 96 + 70, 96);
    expect(m.longAxisMm).toBeGreaterThan(19);
    expect(m.longAxisMm).toBeLessThan(23);
    expect(m.shortAxisMm).toBeLessThan(23);
  });

  it("still finds a liver lesion 20 HU darker than liver through CT noise, to the validation's 2.5 mm", () => {
    const slice = syntheticSlice(256, SPACING, HU.liver, [{ shape: new SoftEllipse(96, 96, 11, 9, 0.3, 2), hu: HU.liver - 20 }], 12, 5);
    const m = measured(slice, 95, 97);
    expect(Math.abs(m.longAxisMm - 22)).toBeLessThan(2.5);
    expect(Math.abs(m.shortAxisMm - 18)).toBeLessThan(2.5);
  });

  it('gives the same outline wherever inside a low-contrast lesion the click falls (the validation\'s irregular liver lesion 9)', () => {
    // 17 HU against liver through 12 HU noise: the band read at each click differed, and the ten long axes spread
    // over 7 mm before the outline was chosen as a whole from the lesion's own levels.
    const lesion = oneClickCase('liver irregular', 8);
    const slice: SliceHu = { values: lesion.hu, rows: lesion.size, cols: lesion.size, rowSpacingMm: lesion.spacingMm, colSpacingMm: lesion.spacingMm };
    const truth = measureOutline(lesion.outline.map((p) => ({ row: p.y / lesion.spacingMm, col: p.x / lesion.spacingMm })), lesion.spacingMm, lesion.spacingMm);
    // A refusal is allowed (the reader then draws by hand); a different outline is not.
    const longAxes = lesion.clicks.map((p) => segmentLesion(slice, at(p.x, p.y))).flatMap((r) => (r.ok ? [r.value.longAxisMm] : []));
    expect(longAxes.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...longAxes) - Math.min(...longAxes)).toBeLessThan(1.5);
    for (const l of longAxes) expect(Math.abs(l - truth.longAxisMm)).toBeLessThan(2.5);
  }, 60_000);

  it('never shows a nodule with a vessel run on from it: such an outline is refused (lung nodules 15 and 21 of 25)', () => {
    // One click each, beside where the vessel leaves the nodule, outlined the nodule with 65 and 40 mm of vessel:
    // 83.1 x 16.0 mm for 15.3 x 15.3, 60.4 x 20.8 for 19.7 x 16.9. The other clicks of the same nodules are right.
    for (const [index, clickIndex, truthLong] of [[14, 6, 15.3], [20, 9, 19.7]] as const) {
      const lesion = oneClickCase('lung nodule with vessel', index);
      const slice: SliceHu = { values: lesion.hu, rows: lesion.size, cols: lesion.size, rowSpacingMm: lesion.spacingMm, colSpacingMm: lesion.spacingMm };
      const click = lesion.clicks[clickIndex];
      if (click === undefined) throw new Error('the case has ten clicks');
      const r = segmentLesion(slice, at(click.x, click.y));
      if (r.ok) expect(Math.abs(r.value.longAxisMm - truthLong)).toBeLessThan(4);
      else expect(r.error.code).toBe('LEAKS');
      const other = segmentLesion(slice, at(lesion.clicks[0]?.x ?? 0, lesion.clicks[0]?.y ?? 0));
      expect(other.ok && Math.abs(other.value.longAxisMm - truthLong)).toBeLessThan(4);
    }
  }, 60_000);

  it('does not outline a bright patch of noise inside a low-contrast lesion as the lesion (the validation\'s liver edge lesion 6)', () => {
    // The third click lands on a patch 15 HU brighter than the lesion round it (itself 17 HU darker than liver); that
    // patch, 8 mm across, was once the answer. The whole lesion (34 mm) or a refusal is right; the patch is not.
    const lesion = oneClickCase('liver edge', 5);
    const slice: SliceHu = { values: lesion.hu, rows: lesion.size, cols: lesion.size, rowSpacingMm: lesion.spacingMm, colSpacingMm: lesion.spacingMm };
    const click = lesion.clicks[2];
    if (click === undefined) throw new Error('the case has ten clicks');
    const r = segmentLesion(slice, at(click.x, click.y));
    if (r.ok) expect(r.value.longAxisMm).toBeGreaterThan(30);
    else expect(r.error.code).toBe('LEAKS');
  }, 60_000);

  it('leaves out the strip of liver between a lesion and the fat beyond the liver edge (the validation\'s liver edge lesions 4 and 10)', () => {
    // A strip of liver 2 mm wide, blurred between the lesion and the fat, reads at the lesion's level: it made the
    // short axes (across the strip) 19.1 for 14.9 mm and 33.3 for 30.0 before the rays stopped at such a wall.
    for (const index of [3, 9]) {
      const lesion = oneClickCase('liver edge', index);
      const slice: SliceHu = { values: lesion.hu, rows: lesion.size, cols: lesion.size, rowSpacingMm: lesion.spacingMm, colSpacingMm: lesion.spacingMm };
      const truth = measureOutline(lesion.outline.map((p) => ({ row: p.y / lesion.spacingMm, col: p.x / lesion.spacingMm })), lesion.spacingMm, lesion.spacingMm);
      const click = lesion.clicks[0];
      if (click === undefined) throw new Error('the case has ten clicks');
      const m = measured(slice, click.x, click.y);
      expect(Math.abs(m.shortAxisMm - truth.shortAxisMm)).toBeLessThan(2.5);
      expect(Math.abs(m.longAxisMm - truth.longAxisMm)).toBeLessThan(2.5);
    }
  }, 60_000);

  it('leaves out most of a thick vessel running along a lung nodule (the validation\'s lung nodule 2)', () => {
    // A vessel as thick as half the nodule's radius touches it along its side: the opening's disc at 0.55 of the
    // nodule's largest inscribed radius passed where they touch, and the short axis measured 13.3 for 9.3 mm.
    const lesion = oneClickCase('lung nodule with vessel', 1);
    const slice: SliceHu = { values: lesion.hu, rows: lesion.size, cols: lesion.size, rowSpacingMm: lesion.spacingMm, colSpacingMm: lesion.spacingMm };
    const truth = measureOutline(lesion.outline.map((p) => ({ row: p.y / lesion.spacingMm, col: p.x / lesion.spacingMm })), lesion.spacingMm, lesion.spacingMm);
    const click = lesion.clicks[0];
    if (click === undefined) throw new Error('the case has ten clicks');
    const m = measured(slice, click.x, click.y);
    expect(Math.abs(m.shortAxisMm - truth.shortAxisMm)).toBeLessThan(2.5);
    expect(m.longAxisMm).toBeLessThan(truth.longAxisMm + 4);
  }, 60_000);

  it("measures the sample's para-aortic node T3 (24 x 18 mm) without taking in the tissue beside it", () => {
    // The outline once ran into the soft tissue next to the node, which lowered the level read from it, widened the
    // band and ran on (70 x 56 mm): the outline may reach only a little beyond the region grown.
    const ct = readCtSlice(fileURLToPath(new URL('../../sample-dicom/baseline/IM0023.dcm', import.meta.url)));
    const values = new Float32Array(ct.rows * ct.columns);
    for (let row = 0; row < ct.rows; row++) for (let col = 0; col < ct.columns; col++) values[row * ct.columns + col] = ct.huAtPixel(col, row);
    const slice: SliceHu = { values, rows: ct.rows, cols: ct.columns, rowSpacingMm: ct.pixelSpacing, colSpacingMm: ct.pixelSpacing };
    // T3's centre (x 38, y 16 mm) in ground-truth.json.
    const r = segmentLesion(slice, { row: (16 - ct.imagePosition[1]) / ct.pixelSpacing, col: (38 - ct.imagePosition[0]) / ct.pixelSpacing });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Math.abs(r.value.longAxisMm - 24)).toBeLessThan(1.5);
    expect(Math.abs(r.value.shortAxisMm - 18)).toBeLessThan(1.5);
  });

  it.each([
    ['uniform tissue, nothing to separate', syntheticSlice(128, SPACING, HU.liver, []), 'NO_EDGE'],
    ['an organ larger than the search, its edge in reach', syntheticSlice(256, SPACING, HU.fat, [{ shape: new SoftEllipse(96, 96 + 70, 90, 90, 0), hu: HU.liver }]), 'LEAKS'],
  ] as const)('refuses a click in %s', (_name, slice, code) => {
    const r = segmentLesion(slice, { row: slice.rows / 2, col: slice.cols / 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('refuses a click off the image and a slice without spacing, saying which', () => {
    const slice = syntheticSlice(64, SPACING, HU.liver, []);
    const off = segmentLesion(slice, { row: -1, col: 10 });
    expect(!off.ok && off.error.code).toBe('OUTSIDE_IMAGE');
    const noSpacing = segmentLesion({ ...slice, rowSpacingMm: 0 }, { row: 10, col: 10 });
    expect(!noSpacing.ok && noSpacing.error.code).toBe('NO_SPACING');
  });

  it('reads stored values through the rescale: the same lesion stored as HU + 1024', () => {
    const hu = syntheticSlice(256, SPACING, HU.liver, [{ shape: new SoftEllipse(96, 96, 10, 10, 0, 2), hu: HU.liver - 30 }]);
    const stored = Int16Array.from(hu.values, (v) => Math.round(v) + 1024);
    const a = measured(hu, 96, 96);
    const b = segmentLesion({ ...hu, values: stored, intercept: -1024, slope: 1 }, at(96, 96));
    expect(b.ok && Math.abs(b.value.longAxisMm - a.longAxisMm)).toBeLessThan(0.2);
  });
});
