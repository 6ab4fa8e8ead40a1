// The chi-square upper tail and the normal quantile against R's pchisq(lower.tail = FALSE) and qnorm.
import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, logGamma, normalQuantile } from '../../src/survival/distributions';
import { distributions, expectClose } from './rFixtures';

describe('chi-square survival function (regularized upper incomplete gamma)', () => {
  const { x, df, p } = distributions.chiSquareSurvival;
  it.each(x.map((xi, i) => [xi, df[i] as number, p[i] as number]))('pchisq(%s, %s, lower.tail = FALSE)', (xi, dfi, pi) => {
    expectClose(chiSquareSurvival(xi, dfi), pi, `x ${xi} df ${dfi}`, 1e-10);
  });

  it('is 1 at 0 and refuses df <= 0', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
  });
});

describe('normal quantile (AS 241)', () => {
  const { p, q } = distributions.normalQuantile;
  it.each(p.map((pi, i) => [pi, q[i] as number]))('qnorm(%s)', (pi, qi) => {
    if (qi === 0) expect(normalQuantile(pi)).toBe(0);
    else expectClose(normalQuantile(pi), qi, `p ${pi}`, 1e-14);
  });
});

describe('log gamma (Lanczos)', () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [10, Math.log(362880)],
    // R: lgamma(30.5), lgamma(0.1), lgamma(171.3)
    [30.5, 72.953471184169402],
    [0.1, 2.252712651734206],
    [171.3, 708.11494703899712],
  ])('log Gamma(%s)', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
  });
});
