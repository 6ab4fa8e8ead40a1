import { describe, expect, it } from 'vitest';
import { distanceMm, roundToTenthMm } from '../../src/dicom/imageLength';

describe('distanceMm', () => {
  it.each([
    ['along a row, 20 px at 1.5 mm', { x: 10, y: 5 }, { x: 30, y: 5 }, { row: 1.5, column: 1.5 }, 30],
    ['down a column uses the row spacing', { x: 0, y: 0 }, { x: 0, y: 10 }, { row: 0.8, column: 0.5 }, 8],
    ['a 3-4-5 diagonal on square pixels', { x: 0, y: 0 }, { x: 3, y: 4 }, { row: 1, column: 1 }, 5],
    ['non-square pixels: each axis its own spacing', { x: 0, y: 0 }, { x: 6, y: 4 }, { row: 1, column: 0.5 }, 5],
  ])('%s', (_rule, start, end, spacing, expected) => {
    expect(distanceMm(start, end, spacing)).toBeCloseTo(expected, 12);
  });

  it('rounds to the tenth shown, half up', () => {
    expect(roundToTenthMm(31.96)).toBe(32);
    expect(roundToTenthMm(31.94)).toBe(31.9);
    expect(roundToTenthMm(12.25)).toBe(12.3);
  });
});
