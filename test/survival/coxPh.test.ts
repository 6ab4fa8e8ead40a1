// Cox regression against R's coxph with Efron and Breslow ties: coefficients, hazard ratios and their
// intervals, standard errors, z and p, the variance matrix, log-likelihoods, the three model tests and even
// the number of Newton-Raphson iterations (the same algorithm takes the same steps).
import { describe, expect, it } from 'vitest';
import { coxPh, type CoxModel } from '../../src/survival/coxPh';
import { coxCases, expectAllClose, expectClose, recordsOf, type TestFixture } from './rFixtures';

const converged = coxCases.filter((c) => c.converged);
const label = (c: (typeof coxCases)[number]) => `${c.dataset} ~ ${c.covariates.join(' + ')} (${c.ties})`;

describe.each(converged.map((c) => [label(c), c] as const))('coxph agrees with R: %s', (_, fixture) => {
  const { records, covariates } = recordsOf(fixture.dataset, { covariates: fixture.covariates });
  const result = coxPh(records, { covariates, ties: fixture.ties });
  if (!result.ok) throw new Error(result.error.code);
  const model: CoxModel = result.value;

  it('names the coefficients as R (factor levels as treatment contrasts) and counts n, events, iterations', () => {
    expect(model.coefficients.map((c) => c.name)).toEqual(fixture.coefficients.map((c) => c.name));
    expect([model.n, model.events, model.iterations]).toEqual([fixture.n, fixture.events, fixture.iterations]);
  });

  it.each(fixture.coefficients.map((c, i) => [c.name, c, i] as const))('%s: coef, HR, se, z, p and 95 %% interval', (name, expected, i) => {
    const actual = model.coefficients[i];
    for (const key of ['coef', 'hazardRatio', 'se', 'z', 'p', 'lower', 'upper'] as const) expectClose(actual?.[key], expected[key], `${name} ${key}`);
  });

  it('has R variance matrix and log-likelihoods', () => {
    fixture.variance.forEach((row, i) => expectAllClose(model.variance[i] ?? [], row, `var[${i}]`));
    expectClose(model.logLikelihood.null, fixture.logLikelihood.null, 'loglik null');
    expectClose(model.logLikelihood.fitted, fixture.logLikelihood.fitted, 'loglik fitted');
  });

  it.each(['likelihoodRatio', 'wald', 'score'] as const)('has R %s test', (name) => {
    const expected: TestFixture = fixture[name];
    expectClose(model[name].statistic, expected.statistic, `${name} statistic`);
    expect(model[name].df).toBe(expected.df);
    expectClose(model[name].pValue, expected.pValue, `${name} p`);
  });
});

describe('when R does not converge', () => {
  it.each(coxCases.filter((c) => !c.converged).map((c) => [label(c), c] as const))('%s is an error value, not numbers', (_, fixture) => {
    expect(fixture.warnings).toContain('Ran out of iterations and did not converge');
    const { records, covariates } = recordsOf(fixture.dataset, { covariates: fixture.covariates });
    const result = coxPh(records, { covariates, ties: fixture.ties });
    expect(result.ok ? null : result.error).toEqual({ code: 'NOT_CONVERGED', iterations: 20 });
  });
});

describe('ties', () => {
  it('Efron equals Breslow when no two events share a time (ovarian)', () => {
    const { records, covariates } = recordsOf('ovarian', { covariates: ['age', 'resid.ds', 'rx', 'ecog.ps'] });
    const efron = coxPh(records, { covariates, ties: 'efron' });
    const breslow = coxPh(records, { covariates, ties: 'breslow' });
    if (!efron.ok || !breslow.ok) throw new Error('fit failed');
    expect(efron.value.coefficients).toEqual(breslow.value.coefficients);
    expect(efron.value.logLikelihood).toEqual(breslow.value.logLikelihood);
  });

  it('Efron differs from Breslow with tied events (veteran)', () => {
    const { records, covariates } = recordsOf('veteran', { covariates: ['karno'] });
    const efron = coxPh(records, { covariates, ties: 'efron' });
    const breslow = coxPh(records, { covariates, ties: 'breslow' });
    if (!efron.ok || !breslow.ok) throw new Error('fit failed');
    expect(efron.value.coefficients[0]?.coef).not.toBe(breslow.value.coefficients[0]?.coef);
  });
});

describe('Cox input', () => {
  const rows = [
    { time: 1, event: true, covariates: { a: 1, b: 2 } },
    { time: 2, event: false, covariates: { a: 2, b: 4 } },
    { time: 3, event: true, covariates: { a: 3, b: 6 } },
    { time: 4, event: true, covariates: { a: 0, b: 0 } },
  ];

  it('names collinear covariates (b = 2 a) instead of returning NaN', () => {
    const result = coxPh(rows, { covariates: ['a', 'b'] });
    expect(result.ok ? null : result.error).toEqual({ code: 'SINGULAR_INFORMATION', names: ['b'] });
  });

  it('names a constant covariate', () => {
    const result = coxPh(rows.map((r) => ({ ...r, covariates: { ...r.covariates, c: 5 } })), { covariates: ['a', 'c'] });
    expect(result.ok ? null : result.error).toEqual({ code: 'SINGULAR_INFORMATION', names: ['c'] });
  });

  it.each([
    ['no covariates', rows, [], { code: 'NO_COVARIATES' }],
    ['no events', rows.map((r) => ({ ...r, event: false })), ['a'], { code: 'NO_EVENTS' }],
    ['a missing covariate', [...rows, { time: 5, event: true, covariates: { b: 1 } }], ['a'], { code: 'MISSING_COVARIATE', index: 4, covariate: 'a' }],
    ['a covariate that is not a number', [...rows, { time: 5, event: true, covariates: { a: Number.NaN } }], ['a'], { code: 'MISSING_COVARIATE', index: 4, covariate: 'a' }],
    ['no records', [], ['a'], { code: 'NO_RECORDS' }],
  ] as const)('refuses %s', (_, records, covariates, error) => {
    const result = coxPh(records, { covariates });
    expect(result.ok ? null : result.error).toEqual(error);
  });
});
