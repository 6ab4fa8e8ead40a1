// The URL hash picks the screen.
import { describe, expect, it } from 'vitest';
import { routeOf } from '../../src/app/cohort/route';

describe('routeOf', () => {
  it.each([['#cohort', 'cohort'], ['', 'reading'], ['#', 'reading'], ['#cohort/x', 'reading'], ['#other', 'reading']])('%j -> %s', (hash, route) => {
    expect(routeOf(hash)).toBe(route);
  });
});
