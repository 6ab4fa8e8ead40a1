// RECIST's diameters of an outline: the longest distance, and the longest chord perpendicular to it, in mm.
import { describe, expect, it } from 'vitest';
import { measureOutline } from '../../src/segment/diameters';
import type { PixelPoint } from '../../src/segment/types';

const ellipse = (centre: PixelPoint, semiRows: number, semiCols: number, n = 2000): PixelPoint[] =>
  Array.from({ length: n }, (_, k) => {
    const t = (2 * Math.PI * k) / n;
    return { row: centre.row + semiRows * Math.sin(t), col: centre.col + semiCols * Math.cos(t) };
  });

describe('measureOutline', () => {
  it('gives an ellipse its two axes and its area', () => {
    const d = measureOutline(ellipse({ row: 50, col: 50 }, 10, 20), 1, 1);
    expect(d.longAxisMm).toBeCloseTo(40, 2);
    expect(d.shortAxisMm).toBeCloseTo(20, 2);
    expect(d.areaMm2).toBeCloseTo(Math.PI * 200, 0);
  });

  it('measures in millimetres on non-square pixels: a circle in the patient is an ellipse in pixels', () => {
    // Rows 0.5 mm apart, columns 1 mm: a 30 mm circle is 60 rows tall and 30 columns wide.
    const d = measureOutline(ellipse({ row: 100, col: 100 }, 30, 15), 0.5, 1);
    expect(d.longAxisMm).toBeCloseTo(30, 1);
    expect(d.shortAxisMm).toBeCloseTo(30, 1);
  });

  it('takes the long axis along the patient, not the pixel grid, on non-square pixels', () => {
    // 40 x 20 mm across x 0.5 mm columns and 1 mm rows: 80 columns by 20 rows of 1 mm.
    const d = measureOutline(ellipse({ row: 50, col: 100 }, 10, 40), 1, 0.5);
    expect(d.longAxisMm).toBeCloseTo(40, 1);
    expect(d.shortAxisMm).toBeCloseTo(20, 1);
    const [a, b] = d.longAxis;
    expect(Math.abs(a.row - b.row)).toBeLessThan(0.1);
  });

  it('lays the short axis perpendicular to the long one, in millimetres', () => {
    const d = measureOutline(ellipse({ row: 60, col: 60 }, 12, 25).map((p) => ({ row: p.row, col: p.col })), 0.8, 0.6);
    const mm = (p: PixelPoint) => ({ x: p.col * 0.6, y: p.row * 0.8 });
    const [l0, l1] = d.longAxis.map(mm) as [{ x: number; y: number }, { x: number; y: number }];
    const [s0, s1] = d.shortAxis.map(mm) as [{ x: number; y: number }, { x: number; y: number }];
    const dot = (l1.x - l0.x) * (s1.x - s0.x) + (l1.y - l0.y) * (s1.y - s0.y);
    expect(Math.abs(dot) / (d.longAxisMm * d.shortAxisMm)).toBeLessThan(1e-9);
    expect(Math.hypot(s1.x - s0.x, s1.y - s0.y)).toBeCloseTo(d.shortAxisMm, 9);
  });

  it('measures a rectangle corner to corner: the short axis is the widest chord perpendicular to the diagonal', () => {
    const square: PixelPoint[] = [{ row: 0, col: 0 }, { row: 0, col: 30 }, { row: 40, col: 30 }, { row: 40, col: 0 }];
    const d = measureOutline(square, 1, 1);
    expect(d.longAxisMm).toBeCloseTo(50, 6);
    // Perpendicular to the 50 mm diagonal of a 30 x 40 rectangle, the widest chord runs from a corner to the far
    // side: 30 / cos(angle) = 30 * 50 / 40 = 37.5 mm.
    expect(d.shortAxisMm).toBeCloseTo(37.5, 6);
  });
});
