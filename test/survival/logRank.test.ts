// The log-rank test against R's survdiff (rho = 0): observed and expected events, the variance matrix,
// chi-square, degrees of freedom and p-value.
import { describe, expect, it } from 'vitest';
import { logRank } from '../../src/survival/logRank';
import { expectAllClose, expectClose, factorLevels, logRankCases, recordsOf } from './rFixtures';

describe.each(logRankCases.map((c) => [`${c.dataset} ~ ${c.group}`, c] as const))('log-rank agrees with R survdiff: %s', (_, fixture) => {
  const { records } = recordsOf(fixture.dataset, { group: fixture.group });
  const result = logRank(records, { levels: factorLevels(fixture.dataset, fixture.group) });
  if (!result.ok) throw new Error(result.error.code);
  const test = result.value;

  it('lists the groups in R order with their sizes and observed events', () => {
    expect(test.groups.map((g) => g.group)).toEqual(fixture.groups);
    expect(test.groups.map((g) => g.n)).toEqual(fixture.n);
    expect(test.groups.map((g) => g.observed)).toEqual(fixture.observed);
  });

  it('has R expected events and variance matrix', () => {
    expectAllClose(test.groups.map((g) => g.expected), fixture.expected, 'expected');
    fixture.variance.forEach((row, i) => expectAllClose(test.variance[i] ?? [], row, `variance[${i}]`));
  });

  it('has R chi-square, df and p-value', () => {
    expectClose(test.statistic, fixture.chiSquare, 'chi-square');
    expect(test.df).toBe(fixture.df);
    expectClose(test.pValue, fixture.pValue, 'p');
  });
});

describe('log-rank input', () => {
  const arm = (group: string, ...rows: [number, boolean][]) => rows.map(([time, event]) => ({ time, event, group }));

  it('needs events', () => {
    const result = logRank([...arm('A', [1, false]), ...arm('B', [2, false])]);
    expect(result.ok ? null : result.error).toEqual({ code: 'NO_EVENTS' });
  });

  it('needs two groups with somebody at risk at an event time', () => {
    const one = logRank(arm('A', [1, true], [2, false]));
    expect(one.ok ? null : one.error).toEqual({ code: 'TOO_FEW_GROUPS', groups: 1 });
    // B's only patient left before the first event: R drops B (expected 0) and so has nothing to compare.
    const gone = logRank([...arm('A', [5, true], [6, false]), ...arm('B', [1, false])]);
    expect(gone.ok ? null : gone.error).toEqual({ code: 'TOO_FEW_GROUPS', groups: 1 });
  });

  it('names a requested group that has nobody', () => {
    const result = logRank(arm('A', [1, true], [2, false]), { levels: ['A', 'B'] });
    expect(result.ok ? null : result.error).toEqual({ code: 'EMPTY_GROUP', group: 'B' });
  });

  it('drops a group nobody of which was at risk at an event time from the df, as survdiff', () => {
    const result = logRank([...arm('A', [5, true], [6, false]), ...arm('B', [4, true], [9, false]), ...arm('C', [1, false])]);
    expect(result.ok && [result.value.df, result.value.groups.map((g) => g.expected)]).toEqual([1, [expect.any(Number), expect.any(Number), 0]]);
  });
});
