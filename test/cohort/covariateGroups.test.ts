// Covariate groupings: values as groups, the median split (R's median), continuous.
import { describe, expect, it } from 'vitest';
import { covariateGrouping, median } from '../../src/cohort/covariateGroups';
import type { CovariateColumn } from '../../src/cohort/patientCsv';

const numeric = (name: string): CovariateColumn => ({ name, kind: 'numeric', values: [] });

describe('median (as R: the middle value, or the mean of the two middle values)', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[1, 1, 1, 9], 1],
  ])('median(%j) = %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('covariateGrouping', () => {
  it('splits a numeric column at the median: at or below vs above', () => {
    const g = covariateGrouping(numeric('age'), 'median', ['50', '60', '70', '80']);
    if (g.kind !== 'groups') throw new Error('groups expected');
    expect([g.levels, g.median]).toEqual([['age ≤ 65', 'age > 65'], 65]);
    expect(['50', '65', '65.5', '80'].map(g.groupOf)).toEqual(['age ≤ 65', 'age ≤ 65', 'age > 65', 'age > 65']);
  });

  it('keeps only the group that exists when most patients share the top value', () => {
    const g = covariateGrouping(numeric('ecog'), 'median', ['0', '1', '1', '1']);
    expect(g.kind === 'groups' && g.levels).toEqual(['ecog ≤ 1']);
  });

  it('one group per value, numbers in numeric order; a categorical column always so', () => {
    const g = covariateGrouping(numeric('ecog'), 'values', ['2', '10', '0']);
    expect(g.kind === 'groups' && g.levels).toEqual(['ecog = 0', 'ecog = 2', 'ecog = 10']);
    const arm = covariateGrouping({ name: 'arm', kind: 'categorical', values: [] }, 'continuous', ['B', 'A']);
    expect(arm.kind === 'groups' && arm.levels).toEqual(['arm = A', 'arm = B']);
  });

  it('a continuous use makes no groups', () => {
    expect(covariateGrouping(numeric('age'), 'continuous', ['50'])).toEqual({ kind: 'continuous' });
  });
});
