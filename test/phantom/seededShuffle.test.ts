// The shuffle the row-order tests and the viewer bench hand their inputs over in.
import { describe, expect, it } from 'vitest';
import { seededShuffle } from '../../src/phantom/prng';

describe('seededShuffle', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);

  it('is a permutation of its input, which it leaves as it was', () => {
    const shuffled = seededShuffle(items, 7);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(items).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('gives the same order for the same seed and another order for another seed', () => {
    expect(seededShuffle(items, 1001)).toEqual(seededShuffle(items, 1001));
    expect(seededShuffle(items, 1001)).not.toEqual(seededShuffle(items, 1002));
  });
});
