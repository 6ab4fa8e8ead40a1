// Kaplan-Meier curves, Greenwood errors, pointwise intervals, survival at chosen times and the median with its
// interval, each against R's survfit / summary.survfit / print.survfit on the survival package's data sets.
import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierByGroup, type KaplanMeierCurve } from '../../src/survival/kaplanMeier';
import { survivalAt } from '../../src/survival/survivalAt';
import { expectAllClose, expectClose, factorLevels, kmCases, recordsOf, type KmCurveFixture } from './rFixtures';

function curvesFor(dataset: string, group: string | null, confidenceType: 'log' | 'log-log' | 'plain'): KaplanMeierCurve[] {
  const { records } = recordsOf(dataset, { group });
  if (group === null) {
    const curve = kaplanMeier(records, { confidenceType });
    if (!curve.ok) throw new Error(curve.error.code);
    return [curve.value];
  }
  const curves = kaplanMeierByGroup(records, { confidenceType, levels: factorLevels(dataset, group) });
  if (!curves.ok) throw new Error(curves.error.code);
  return curves.value;
}

const cases = kmCases.map((c) => [`${c.dataset} ~ ${c.group ?? '1'} (conf.type ${c.confType})`, c] as const);

describe.each(cases)('Kaplan-Meier agrees with R survfit: %s', (_, fixture) => {
  const curves = curvesFor(fixture.dataset, fixture.group, fixture.confType);
  const pairs = fixture.curves.map((expected, i) => [expected.group ?? 'all', expected, curves[i] as KaplanMeierCurve] as const);

  it('has one curve per group, in R order', () => {
    expect(curves.map((c) => c.group)).toEqual(fixture.curves.map((c) => c.group));
  });

  it.each(pairs)('%s: n, events and the counts at every distinct time', (_, expected: KmCurveFixture, curve) => {
    expect([curve.n, curve.events]).toEqual([expected.n, expected.events]);
    expect(curve.steps.map((s) => s.time)).toEqual(expected.steps.time);
    expect(curve.steps.map((s) => s.atRisk)).toEqual(expected.steps.nRisk);
    expect(curve.steps.map((s) => s.events)).toEqual(expected.steps.nEvent);
    expect(curve.steps.map((s) => s.censored)).toEqual(expected.steps.nCensor);
  });

  it.each(pairs)('%s: survival, Greenwood standard error and confidence limits', (group, expected: KmCurveFixture, curve) => {
    expectAllClose(curve.steps.map((s) => s.survival), expected.steps.survival, `${group} survival`);
    expectAllClose(curve.steps.map((s) => s.stdErr), expected.steps.stdErr, `${group} std.err`);
    expectAllClose(curve.steps.map((s) => s.lower), expected.steps.lower, `${group} lower`);
    expectAllClose(curve.steps.map((s) => s.upper), expected.steps.upper, `${group} upper`);
  });

  it.each(pairs)('%s: median and its interval as print(survfit)', (group, expected: KmCurveFixture, curve) => {
    expectClose(curve.median.median, expected.median.median, `${group} median`);
    expectClose(curve.median.lower, expected.median.lower, `${group} median LCL`);
    expectClose(curve.median.upper, expected.median.upper, `${group} median UCL`);
  });

  it.each(pairs)('%s: summary(survfit, times = ...)', (group, expected: KmCurveFixture, curve) => {
    const at = survivalAt(curve, fixture.times);
    expect(at.map((a) => a.time)).toEqual(expected.at.time);
    expect(at.map((a) => a.atRisk)).toEqual(expected.at.nRisk);
    expect(at.map((a) => a.events)).toEqual(expected.at.nEvent);
    expect(at.map((a) => a.censored)).toEqual(expected.at.nCensor);
    expectAllClose(at.map((a) => a.survival), expected.at.survival, `${group} survival at`);
    expectAllClose(at.map((a) => a.stdErr), expected.at.stdErr, `${group} std.err at`);
    expectAllClose(at.map((a) => a.lower), expected.at.lower, `${group} lower at`);
    expectAllClose(at.map((a) => a.upper), expected.at.upper, `${group} upper at`);
  });
});

describe('median survival (survmean rules)', () => {
  it('takes the midpoint of a flat segment at exactly 0.5', () => {
    const group = kmCases.find((c) => c.dataset === 'flat' && c.confType === 'log')?.curves.find((c) => c.group === 'a');
    expect(group?.median.median).toBe(3.5);
    const curve = curvesFor('flat', 'group', 'log')[0] as KaplanMeierCurve;
    expect(curve.median.median).toBe(3.5);
  });

  it('is null, not a number, when the curve never reaches 0.5', () => {
    const curve = curvesFor('flat', 'group', 'log')[1] as KaplanMeierCurve;
    expect(curve.median).toEqual({ median: null, lower: null, upper: null });
  });
});

describe('Kaplan-Meier input', () => {
  it('draws a flat curve at 1 when nobody had the event', () => {
    const curve = kaplanMeier([{ time: 3, event: false }, { time: 5, event: false }]);
    expect(curve.ok && curve.value.steps.map((s) => [s.survival, s.stdErr, s.lower, s.upper])).toEqual([
      [1, 0, 1, 1],
      [1, 0, 1, 1],
    ]);
    expect(curve.ok && curve.value.median).toEqual({ median: null, lower: null, upper: null });
  });

  it.each([
    ['no records', [], 'NO_RECORDS'],
    ['a negative time', [{ time: -1, event: true }], 'INVALID_TIME'],
    ['a time that is not a number', [{ time: Number.NaN, event: true }], 'INVALID_TIME'],
  ] as const)('refuses %s', (_, records, code) => {
    const curve = kaplanMeier(records);
    expect(curve.ok ? 'ok' : curve.error.code).toBe(code);
  });

  it('names a group given in levels that has nobody, and a record without a group', () => {
    const records = [{ time: 1, event: true, group: 'A' }];
    const empty = kaplanMeierByGroup(records, { levels: ['A', 'B'] });
    expect(empty.ok ? null : empty.error).toEqual({ code: 'EMPTY_GROUP', group: 'B' });
    const missing = kaplanMeierByGroup([...records, { time: 2, event: false }]);
    expect(missing.ok ? null : missing.error).toEqual({ code: 'MISSING_GROUP', index: 1 });
  });
});
