// The validation phantom's truth: a radial shape's outline is exactly its 0.5 coverage, and every case's clicks lie
// inside its lesion, its normal-tissue click well outside.
import { describe, expect, it } from 'vitest';
import { oneClickCases, ONE_CLICK_CATEGORIES, type PointMm2 } from '../../src/phantom/oneClickCases';
import { RadialShape } from '../../src/phantom/radialShape';

function inside(polygon: readonly PointMm2[], p: PointMm2): boolean {
  let count = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as PointMm2;
    const b = polygon[j] as PointMm2;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) count++;
  }
  return count % 2 === 1;
}

describe('one-click validation phantom', () => {
  it('gives a lobulated shape coverage 0.5 exactly on its outline, 1 inside and 0 outside', () => {
    const shape = new RadialShape(50, 50, 10, [{ order: 3, amplitude: 0.15, phaseRad: 0.4 }], 2);
    for (const p of shape.outline(36)) {
      expect(shape.alpha(p.x, p.y)).toBeCloseTo(0.5, 9);
      const dx = p.x - 50;
      const dy = p.y - 50;
      expect(shape.alpha(50 + dx * 0.8, 50 + dy * 0.8)).toBe(1);
      expect(shape.alpha(50 + dx * 1.3, 50 + dy * 1.3)).toBe(0);
    }
  });

  it('refuses harmonics that would turn the outline through its centre', () => {
    expect(() => new RadialShape(0, 0, 10, [{ order: 2, amplitude: 0.9, phaseRad: 0 }])).toThrow(/through its centre/);
  });

  it('puts every category in, each case with ten clicks inside its lesion and a normal-tissue click outside', () => {
    const cases = oneClickCases(1);
    expect(cases.map((c) => c.category)).toEqual(ONE_CLICK_CATEGORIES);
    for (const c of cases) {
      expect(c.clicks).toHaveLength(10);
      for (const click of c.clicks) expect(inside(c.outline, click)).toBe(true);
      expect(inside(c.outline, c.normalClick)).toBe(false);
    }
  }, 60_000);

  it('is the same every run', () => {
    const [a] = oneClickCases(1);
    const [b] = oneClickCases(1);
    expect(a?.hu).toEqual(b?.hu);
    expect(a?.clicks).toEqual(b?.clicks);
  }, 60_000);
});
