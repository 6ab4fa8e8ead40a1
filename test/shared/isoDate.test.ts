import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '../../src/shared/isoDate';

describe('isIsoDate: a real calendar date written YYYY-MM-DD', () => {
  // Each text is asked twice: the second answer comes from the cache of answers and must be the same.
  it.each([
    ['2024-01-31', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['24-01-01', false],
    ['2024-1-01', false],
    [' 2024-01-01', false],
    ['', false],
  ])('%j -> %s, asked twice', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
    expect(isIsoDate(text)).toBe(expected);
  });

  it('answers the same after more distinct dates than the cache holds', () => {
    const dates = Array.from({ length: 12_000 }, (_, d) => addDays('2000-01-01', d));
    expect(dates.filter((d) => !isIsoDate(d))).toEqual([]);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});
