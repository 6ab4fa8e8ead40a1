import { describe, expect, it } from 'vitest';
import { axisBelowFloor, FLOOR_MM, FLOOR_PX, isBelowFloor } from '../../src/tracking/measurementFloor';
import type { Segment } from '../../src/tracking/types';

const across = (px: number): Segment => ({ start: { x: 10, y: 10 }, end: { x: 10 + px, y: 10 } });
const down = (px: number): Segment => ({ start: { x: 10, y: 10 }, end: { x: 10, y: 10 + px } });

describe(`the measurement floor: under ${FLOOR_MM} mm or ${FLOOR_PX} image pixels, whichever is longer`, () => {
  it.each<[string, Segment, { row: number; column: number }, boolean]>([
    ['0 mm (a handle dragged onto the other end)', across(0), { row: 0.7, column: 0.7 }, true],
    ['1.9 pixels of 1.5 mm (2.85 mm, but two neighbouring pixels)', across(1.9), { row: 1.5, column: 1.5 }, true],
    ['2 pixels of 1.5 mm', across(2), { row: 1.5, column: 1.5 }, false],
    ['3 pixels of 0.3 mm (0.9 mm)', across(3), { row: 0.3, column: 0.3 }, true],
    ['4 pixels of 0.3 mm (1.2 mm)', across(4), { row: 0.3, column: 0.3 }, false],
    // Non-square pixels: the same 2 pixels are 1.0 mm across and 0.8 mm down.
    ['2 pixels across of 0.5 mm columns', across(2), { row: 0.4, column: 0.5 }, false],
    ['2 pixels down of 0.4 mm rows', down(2), { row: 0.4, column: 0.5 }, true],
  ])('%s on an image: below = %s', (_, segment, spacing, below) => {
    expect(isBelowFloor(segment, spacing, true)).toBe(below);
  });

  it('a value typed from a report (1 mm per stand-in pixel) is held to the millimetres only', () => {
    expect(isBelowFloor(across(1.5), { row: 1, column: 1 }, false)).toBe(false);
    expect(isBelowFloor(across(1.5), { row: 1, column: 1 }, true)).toBe(true);
    expect(isBelowFloor(across(0.9), { row: 1, column: 1 }, false)).toBe(true);
  });

  it('names the long axis first, then a short axis dragged onto its long axis', () => {
    const spacing = { row: 1, column: 1 };
    expect(axisBelowFloor({ longAxis: across(0), shortAxis: down(0) }, spacing, true)).toBe('longAxis');
    expect(axisBelowFloor({ longAxis: across(20), shortAxis: down(0.5) }, spacing, true)).toBe('shortAxis');
    expect(axisBelowFloor({ longAxis: across(20), shortAxis: down(5) }, spacing, true)).toBeUndefined();
    expect(axisBelowFloor({ longAxis: across(20) }, spacing, true)).toBeUndefined();
  });
});
