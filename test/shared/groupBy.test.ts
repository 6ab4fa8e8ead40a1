import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/shared/groupBy';

describe('groupBy', () => {
  it('keeps keys in order of first appearance and each group in input order', () => {
    const rows = [{ p: 'B', n: 1 }, { p: 'A', n: 2 }, { p: 'B', n: 3 }, { p: 'A', n: 4 }, { p: 'C', n: 5 }];
    const groups = groupBy(rows, (r) => r.p);
    expect([...groups.keys()]).toEqual(['B', 'A', 'C']);
    expect(groups.get('B')?.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('A')?.map((r) => r.n)).toEqual([2, 4]);
    expect(groupBy([], (r: { p: string }) => r.p).size).toBe(0);
  });
});
