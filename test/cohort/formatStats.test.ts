// Numbers as the screen prints them (the e2e test formats R's values with the same functions).
import { describe, expect, it } from 'vitest';
import { formatDays, formatMonths, formatP, formatRatio, formatSignificant } from '../../src/cohort/formatStats';

describe('formatting', () => {
  it.each([
    [0.0653, '0.0653'], [0.5, '0.5'], [0.000412345, '0.000412'], [1.1449e-11, '1.14e-11'], [1e-20, '< 2.2e-16'], [0.99999, '1'],
  ])('p = %d prints as %s', (p, text) => {
    expect(formatP(p)).toBe(text);
  });

  it('days as whole days, a midpoint median with one decimal, not reached as NR; months with one decimal', () => {
    expect([formatDays(182), formatDays(182.5), formatDays(null)]).toEqual(['182', '182.5', 'NR']);
    expect([formatMonths(365.25), formatMonths(null)]).toEqual(['12.0', 'NR']);
  });

  it('statistics with 4 significant digits, hazard ratios with 3', () => {
    expect([formatSignificant(50.38625), formatSignificant(3.396), formatRatio(1.657944), formatRatio(0.87712)]).toEqual(['50.39', '3.396', '1.66', '0.877']);
  });
});
