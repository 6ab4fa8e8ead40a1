import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/dicom/vec3';
import {
  commonSlicePositionsMm, createSliceLink, followingIndex, nearestSliceIndex, type LinkedStack,
} from '../../src/viewer/sliceLink';
import { ctInstance } from '../dicom/fixtures/instance';

/** Positions head to feet (as sortSlices orders them): first, first - step, ... */
const range = (first: number, step: number, count: number) => Array.from({ length: count }, (_, i) => first - i * step);
const stack = (positionsMm: readonly number[] | undefined, count = positionsMm?.length ?? 0): LinkedStack => ({ count, positionsMm });

describe('nearestSliceIndex', () => {
  it.each<[string, number[], number, number]>([
    ['exact match', [100, 95, 90, 85], 90, 2],
    ['between two slices, the nearer', [100, 95, 90, 85], 93, 1],
    ['a tie goes to the lower index', [100, 95, 90, 85], 92.5, 1],
    ['beyond the head end, the first slice', [100, 95, 90], 250, 0],
    ['beyond the feet end, the last slice', [100, 95, 90], -250, 2],
    ['reversed order (feet to head)', [85, 90, 95, 100], 96, 2],
    ['thin slices', range(100, 1.25, 161), 41.3, 47],
    ['one slice', [12], -40, 0],
  ])('%s', (_, positions, target, expected) => expect(nearestSliceIndex(positions, target)).toBe(expected));
});

describe('linked scrolling keeps the offset that existed when linking was switched on', () => {
  const baseline = stack(range(100, 5, 40));
  const link = (a: LinkedStack, ia: number, b: LinkedStack, ib: number) =>
    createSliceLink(new Map([['a', { stack: a, index: ia }], ['b', { stack: b, index: ib }]]));

  it.each<[string, LinkedStack, number, LinkedStack, number, number, number]>([
    // name, a, a index at linking, b, b index at linking, a moves to, expected b
    ['same geometry, same slice: b follows slice for slice', baseline, 0, stack(range(100, 5, 40)), 0, 11, 11],
    ['same geometry, aligned 4 slices apart: offset kept', baseline, 0, stack(range(100, 5, 40)), 4, 7, 11],
    ['clamped at the end of b', baseline, 0, stack(range(100, 5, 40)), 4, 39, 39],
    ['b has 2.5 mm slices (80): twice the index steps', baseline, 2, stack(range(100, 2.5, 80)), 4, 12, 24],
    ['b is 1.25 mm and starts higher (z 120)', baseline, 0, stack(range(120, 1.25, 200)), 16, 10, 56],
    ['b runs feet to head (reversed)', baseline, 0, stack(range(-95, -5, 40)), 39, 5, 34],
    ['b shifted by 2 mm (different table position): nearest slice', baseline, 0, stack(range(102, 5, 40)), 0, 6, 6],
    ['a without positions: slice for slice by index', stack(undefined, 40), 3, stack(range(100, 5, 40)), 5, 10, 12],
  ])('%s', (_, a, ia, b, ib, aTo, expected) => {
    expect(followingIndex(link(a, ia, b, ib), { key: 'a', stack: a, index: aTo }, { key: 'b', stack: b })).toBe(expected);
  });

  it('works both ways: b moving moves a by the same offset', () => {
    const b = stack(range(100, 2.5, 80));
    const l = link(baseline, 2, b, 4);
    expect(followingIndex(l, { key: 'b', stack: b, index: 24 }, { key: 'a', stack: baseline })).toBe(12);
  });

  it('links by index when any stack lacks positions', () => {
    expect(link(stack(undefined, 10), 0, baseline, 0).by).toBe('index');
    expect(link(baseline, 0, baseline, 0).by).toBe('position');
  });

  it('a stack that was not linked does not follow', () => {
    const l = link(baseline, 0, baseline, 0);
    expect(followingIndex(l, { key: 'a', stack: baseline, index: 3 }, { key: 'c', stack: baseline })).toBeUndefined();
  });
});

describe('commonSlicePositionsMm', () => {
  const AXIAL = { row: [1, 0, 0] as Vec3, column: [0, 1, 0] as Vec3 };
  const at = (z: number, orientation = AXIAL) => ctInstance({ imagePositionPatientMm: [-192, -192, z], imageOrientationPatient: orientation });

  it('axial: the z of each slice, for every stack', () => {
    expect(commonSlicePositionsMm([[at(100), at(95)], [at(40), at(37.5), at(35)]])).toEqual([[100, 95], [40, 37.5, 35]]);
  });
  it('a stack scanned with flipped rows (normal reversed) is projected on the first normal', () => {
    const flipped = { row: [-1, 0, 0] as Vec3, column: [0, 1, 0] as Vec3 };
    expect(commonSlicePositionsMm([[at(100)], [at(90, flipped)]])).toEqual([[100], [90]]);
  });
  it('a slice without position: no positions (link by index)', () => {
    expect(commonSlicePositionsMm([[at(100)], [ctInstance({ imagePositionPatientMm: undefined })]])).toBeUndefined();
  });
  it('a sagittal stack and an axial one are not comparable', () => {
    const sagittal = { row: [0, 1, 0] as Vec3, column: [0, 0, -1] as Vec3 };
    expect(commonSlicePositionsMm([[at(100)], [at(100, sagittal)]])).toBeUndefined();
  });
});
