// Results are a function of the set of records, not of their order: shuffled rows give identical numbers (the
// estimators sort into one canonical order before they sum).
import { describe, expect, it } from 'vitest';
import { coxPh } from '../../src/survival/coxPh';
import { kaplanMeierByGroup } from '../../src/survival/kaplanMeier';
import { logRank } from '../../src/survival/logRank';
import { seededShuffle as shuffled } from '../../src/phantom/prng';
import { recordsOf } from './rFixtures';

const seeds = [1, 2, 3];

describe('row order does not matter', () => {
  it.each(seeds)('Kaplan-Meier per group of veteran, shuffle %i', (seed) => {
    const { records } = recordsOf('veteran', { group: 'celltype' });
    expect(kaplanMeierByGroup(shuffled(records, seed))).toEqual(kaplanMeierByGroup(records));
  });

  it.each(seeds)('log-rank of lung by sex, shuffle %i', (seed) => {
    const { records } = recordsOf('lung', { group: 'sex' });
    expect(logRank(shuffled(records, seed))).toEqual(logRank(records));
  });

  it.each(seeds)('Cox (Efron) of veteran with six covariates and a factor, shuffle %i', (seed) => {
    const { records, covariates } = recordsOf('veteran', { covariates: ['trt', 'celltype', 'karno', 'diagtime', 'age', 'prior'] });
    expect(coxPh(shuffled(records, seed), { covariates })).toEqual(coxPh(records, { covariates }));
  });

  it.each(seeds)('Cox (Breslow) of lung, shuffle %i', (seed) => {
    const { records, covariates } = recordsOf('lung', { covariates: ['age', 'sex', 'ph.ecog'] });
    expect(coxPh(shuffled(records, seed), { covariates, ties: 'breslow' })).toEqual(coxPh(records, { covariates, ties: 'breslow' }));
  });
});
