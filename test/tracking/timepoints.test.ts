import { describe, expect, it } from 'vitest';
import { monthsFromDays, orderTimepoints } from '../../src/tracking/timepoints';
import type { TimepointRow } from '../../src/tracking/types';

const row = (studyInstanceUid: string, studyDate: string, excluded = false): TimepointRow =>
  ({ studyInstanceUid, patientId: 'P', studyDate, studyDescription: '', excluded });

describe('orderTimepoints', () => {
  it('the earliest included study is the baseline; later ones are follow-ups 1, 2, ... by date', () => {
    const ordered = orderTimepoints([row('c', '2023-07-17'), row('a', '2023-01-09'), row('b', '2023-04-17')], '2023-01-16');
    expect(ordered.map((t) => [t.row.studyInstanceUid, t.label, t.daysSinceBaseline, t.daysSinceTreatment])).toEqual([
      ['a', 'Baseline', 0, -7],
      ['b', 'Follow-up 1', 98, 91],
      ['c', 'Follow-up 2', 189, 182],
    ]);
  });

  it('an excluded study is listed last, unnumbered, and does not move the baseline', () => {
    const ordered = orderTimepoints([row('x', '2022-12-01', true), row('a', '2023-01-09'), row('b', '2023-04-17')], undefined);
    expect(ordered.map((t) => [t.label, t.ordinal, t.daysSinceBaseline, t.daysSinceTreatment])).toEqual([
      ['Baseline', 0, 0, undefined], ['Follow-up 1', 1, 98, undefined], ['Excluded', undefined, undefined, undefined],
    ]);
  });

  it('two studies on the same day keep a stable order', () => {
    const ordered = orderTimepoints([row('z', '2023-01-09'), row('y', '2023-01-09')], undefined);
    expect(ordered.map((t) => t.row.studyInstanceUid)).toEqual(['y', 'z']);
  });
});

describe('monthsFromDays', () => {
  it('98 days are 3.2 months', () => expect(monthsFromDays(98)).toBe(3.2));
});
