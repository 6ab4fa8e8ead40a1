// Factor covariates as R's treatment contrasts.
import { describe, expect, it } from 'vitest';
import { treatmentCoding } from '../../src/survival/design';
import { ldlDecompose, ldlInverse, ldlSolve } from '../../src/survival/linearAlgebra';

describe('treatment contrasts', () => {
  const coding = treatmentCoding('celltype', ['squamous', 'smallcell', 'adeno', 'large']);

  it('makes one indicator per level but the first, named covariate + level as R', () => {
    expect(coding.reference).toBe('squamous');
    expect(coding.names).toEqual(['celltypesmallcell', 'celltypeadeno', 'celltypelarge']);
  });

  it('codes the reference as all zeros and another level as its own indicator', () => {
    expect(coding.encode('squamous')).toEqual({ celltypesmallcell: 0, celltypeadeno: 0, celltypelarge: 0 });
    expect(coding.encode('adeno')).toEqual({ celltypesmallcell: 0, celltypeadeno: 1, celltypelarge: 0 });
  });

  it('refuses a value that is not a level (a bug in the caller)', () => {
    expect(() => coding.encode('oat cell')).toThrow(RangeError);
  });
});

describe('L D L\' factorisation', () => {
  it('solves and inverts a positive definite matrix', () => {
    const a = [
      [4, 2, 0.4],
      [2, 3, 0.5],
      [0.4, 0.5, 2],
    ];
    const factor = ldlDecompose(a);
    if (!factor.ok) throw new Error('singular');
    const x = ldlSolve(factor, [1, 2, 3]);
    a.forEach((row, i) => expect(row.reduce((s, v, j) => s + v * (x[j] as number), 0)).toBeCloseTo([1, 2, 3][i] as number, 12));
    const inverse = ldlInverse(factor);
    const product = a.map((row) => inverse.map((_, j) => row.reduce((s, v, k) => s + v * ((inverse[k] as number[])[j] as number), 0)));
    product.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 12)));
  });

  it('marks the dependent column of a singular matrix, as cholesky2', () => {
    expect(ldlDecompose([[1, 2], [2, 4]])).toEqual({ ok: false, singular: [1] });
  });
});
