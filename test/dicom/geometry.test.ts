import { describe, expect, it } from 'vitest';
import { sliceLocationMm, sliceNormal, sortSlices } from '../../src/dicom/geometry';
import type { ImageOrientation } from '../../src/dicom/ctInstance';
import type { Vec3 } from '../../src/dicom/vec3';
import { ctInstance } from './fixtures/instance';

const orientation = (row: Vec3, column: Vec3): ImageOrientation => ({ row, column });
const AXIAL = orientation([1, 0, 0], [0, 1, 0]);
const SAGITTAL = orientation([0, 1, 0], [0, 0, -1]);
const CORONAL = orientation([1, 0, 0], [0, 0, -1]);
// Gantry tilt of 30 degrees about x: rows along x, columns tilted in y-z.
const TILTED = orientation([1, 0, 0], [0, Math.cos(Math.PI / 6), -Math.sin(Math.PI / 6)]);

describe('sliceNormal is row x column', () => {
  it.each<[string, ImageOrientation, Vec3]>([
    ['axial points to the head (+z)', AXIAL, [0, 0, 1]],
    ['sagittal points to the patient right (-x)', SAGITTAL, [-1, 0, 0]],
    ['coronal points to the back (+y is posterior in LPS)', CORONAL, [0, 1, 0]],
  ])('%s', (_, o, normal) => expect(sliceNormal(o).map((v) => v + 0)).toEqual(normal));
});

describe('sortSlices orders by position along the slice normal, not by InstanceNumber', () => {
  const stack = (o: ImageOrientation, positions: Vec3[], instanceNumbers: number[]) =>
    positions.map((p, i) => ctInstance({
      file: `f${i}`, imagePositionPatientMm: p, imageOrientationPatient: o, instanceNumber: instanceNumbers[i] ?? 0,
    }));
  const files = (o: ImageOrientation, positions: Vec3[], instanceNumbers: number[]) =>
    sortSlices(stack(o, positions, instanceNumbers)).slices.map((s) => s.file);

  it.each<[string, ImageOrientation, Vec3[], number[], string[]]>([
    ['axial: head (z=20) first, feet (z=-10) last, whatever the instance numbers say',
      AXIAL, [[0, 0, -10], [0, 0, 20], [0, 0, 0], [0, 0, 10]], [1, 4, 2, 3], ['f1', 'f3', 'f2', 'f0']],
    ['axial: the same stack numbered the other way round sorts the same',
      AXIAL, [[0, 0, -10], [0, 0, 20], [0, 0, 0], [0, 0, 10]], [4, 1, 3, 2], ['f1', 'f3', 'f2', 'f0']],
    ['axial: x and y of the position are ignored (table shift)',
      AXIAL, [[50, 3, 5], [-50, -3, 15], [0, 0, 10]], [1, 2, 3], ['f1', 'f2', 'f0']],
    ['sagittal: along -x, so the patient-left (largest x) slice comes last',
      SAGITTAL, [[10, 0, 0], [-10, 0, 0], [0, 0, 0]], [1, 2, 3], ['f1', 'f2', 'f0']],
    ['tilted gantry: z alone would give f2, f0, f1; the normal gives f1, f0, f2',
      TILTED, [[0, 0, 0], [0, 20, -2], [0, -10, 1]], [1, 2, 3], ['f1', 'f0', 'f2']],
  ])('%s', (_, o, positions, instanceNumbers, expected) => {
    expect(files(o, positions, instanceNumbers)).toEqual(expected);
  });

  it('says it ordered by image position', () => {
    expect(sortSlices(stack(AXIAL, [[0, 0, 1], [0, 0, 2]], [1, 2])).orderedBy).toBe('imagePosition');
  });

  it('slices at the same position keep InstanceNumber order', () => {
    expect(files(AXIAL, [[0, 0, 5], [0, 0, 5], [0, 0, 5]], [3, 1, 2])).toEqual(['f1', 'f2', 'f0']);
  });

  it('falls back to InstanceNumber, and says so, when any slice lacks a position', () => {
    const slices = stack(AXIAL, [[0, 0, 30], [0, 0, 10], [0, 0, 20]], [2, 3, 1]);
    const sorted = sortSlices([...slices, ctInstance({ file: 'f3', imagePositionPatientMm: undefined, instanceNumber: 4 })]);
    expect(sorted.orderedBy).toBe('instanceNumber');
    expect(sorted.slices.map((s) => s.file)).toEqual(['f2', 'f0', 'f1', 'f3']);
  });

  it('does not reorder its input', () => {
    const slices = stack(AXIAL, [[0, 0, 1], [0, 0, 2]], [1, 2]);
    sortSlices(slices);
    expect(slices.map((s) => s.file)).toEqual(['f0', 'f1']);
  });
});

describe('sliceLocationMm', () => {
  it.each<[string, Vec3 | undefined, ImageOrientation | undefined, number | undefined]>([
    ['axial: z', [12, -40, -87.5], AXIAL, -87.5],
    ['sagittal: -x', [25, 3, 4], SAGITTAL, -25],
    ['no position: unknown, not 0', undefined, AXIAL, undefined],
    ['no orientation: unknown', [0, 0, 5], undefined, undefined],
  ])('%s', (_, position, o, expected) => {
    expect(sliceLocationMm(ctInstance({ imagePositionPatientMm: position, imageOrientationPatient: o }))).toBe(expected);
  });
});
