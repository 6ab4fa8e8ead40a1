// The Kaplan-Meier figure's geometry: time ticks in days or months, the step curve, band, censoring ticks and the
// numbers at risk at the ticks.
import { describe, expect, it } from 'vitest';
import { kaplanMeierPlot, numberAtRisk } from '../../src/cohort/plotModel';
import { timeAxis } from '../../src/cohort/timeAxis';
import { kaplanMeierByGroup } from '../../src/survival/kaplanMeier';

describe('timeAxis', () => {
  it.each([
    [700, 'days', 90, 720],
    [60, 'days', 7, 63],
    [1000, 'months', 6, 36],
    [2000, 'months', 12, 72],
  ] as const)('up to %d days in %s: a tick every %d, the axis ending on a tick (%d)', (last, unit, step, end) => {
    const axis = timeAxis(last, unit);
    expect(axis.ticks[1]?.label).toBe(String(step));
    expect(axis.ticks.at(-1)?.label).toBe(String(end));
    expect(axis.ticks.length).toBeLessThanOrEqual(11);
    expect(axis.maxDays).toBeGreaterThanOrEqual(last);
  });

  it('months sit at multiples of 365.25 / 12 days', () => {
    expect(timeAxis(250, 'months').ticks[1]?.days).toBeCloseTo(30.4375, 10);
    expect(timeAxis(1000, 'months').ticks[1]?.days).toBeCloseTo(182.625, 10);
  });
});

describe('kaplanMeierPlot', () => {
  // Group a: events at 10 and 30, censored at 20; group b: events at 5, censored at 40.
  const records = [
    { time: 10, event: true, group: 'a' }, { time: 20, event: false, group: 'a' }, { time: 30, event: true, group: 'a' },
    { time: 5, event: true, group: 'b' }, { time: 40, event: false, group: 'b' }, { time: 40, event: false, group: 'b' },
  ];
  const curves = kaplanMeierByGroup(records);
  if (!curves.ok) throw new Error(curves.error.code);
  const plot = kaplanMeierPlot({ curves: curves.value, unit: 'days', title: 'OS', subtitle: 'by a and b', yLabel: 'Overall survival', timeFrom: 'from the origin' });
  const { area } = plot;

  it('draws each curve from 100 % at time 0 as steps down at the event times', () => {
    const a = plot.curves[0];
    expect(a?.path.startsWith(`M${area.left},${area.top}`)).toBe(true);
    // 3 patients: S = 2/3 after day 10, 1/3 after day 30: two drops, each a horizontal then a vertical segment.
    expect(a?.path.split(' ')).toHaveLength(1 + 2 * 2 + 1);
  });

  it('marks each censoring time on its curve, and closes the confidence band', () => {
    expect(plot.curves.map((c) => c.censored.length)).toEqual([1, 1]);
    const y = area.bottom - ((area.bottom - area.top) * 2) / 3;
    expect(plot.curves[0]?.censored[0]?.y).toBeCloseTo(y, 0);
    expect(plot.curves[0]?.band?.endsWith('Z')).toBe(true);
  });

  it('counts those at risk at every tick: everybody whose time is at least the tick', () => {
    expect(plot.xTicks.map((t) => t.days)).toEqual([0, 7, 14, 21, 28, 35, 42]);
    expect(plot.atRisk.rows.map((r) => r.cells.map((c) => c.n))).toEqual([[3, 3, 2, 1, 1, 0, 0], [3, 2, 2, 2, 2, 2, 0]]);
    const b = curves.value[1];
    expect(b && [numberAtRisk(b.steps, 0), numberAtRisk(b.steps, 40), numberAtRisk(b.steps, 41)]).toEqual([3, 2, 0]);
  });

  it('labels the axes and the legend with n and events; the left margin fits the longest at-risk label', () => {
    expect(plot.xLabel).toBe('Days from the origin');
    expect(plot.legend.map((l) => l.label)).toEqual(['a (n = 3, 2 events)', 'b (n = 3, 1 events)']);
    const long = kaplanMeierPlot({ curves: curves.value.map((c) => ({ ...c, group: `${c.group} with a very long group label` })), unit: 'months', title: '', subtitle: '', yLabel: '', timeFrom: '' });
    expect(long.area.left).toBeGreaterThan(area.left);
  });
});
