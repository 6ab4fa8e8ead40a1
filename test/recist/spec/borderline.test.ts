// The borderline flag (issue 20): a response within reader noise of a threshold says so, and by how much; the
// label itself never changes. Default margins: 5 percentage points, 1 mm.
import { describe, expect, it } from 'vitest';
import { borderlineFlags } from '../../../src/recist/borderline';
import type { TargetObservation } from '../../../src/recist/types';
import { mmToMicrometres } from '../../../src/recist/units';
import { followUps } from './harness';

const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state';
const liver = (sizes: number[]) => [HEADER, ...sizes.map((s, i) => `P1,TP${i},2024-0${i + 1}-01,T1,target,liver,no,${s},,`)].join('\n');
const borderlineOf = (csv: string, ...flags: string[]) => followUps(csv, ...flags).map((t) => (t as unknown as { borderline: string[] }).borderline);

describe('borderline flags in the time-point output', () => {
  it.each([
    ['-27 % from baseline: SD, 3 points from PR', [100, 73], [['PR -30 % by 3.0 pt']]],
    ['-33 % from baseline: PR, 3 points from SD', [100, 67], [['PR -30 % by 3.0 pt']]],
    ['-20 % from baseline: SD, far from every threshold', [100, 80], [[]]],
    ['+22 % and +11 mm over the nadir: PD, 2 points from +20 %', [50, 61], [['PD +20 % by 2.0 pt']]],
    ['+5.5 mm and +55 % over a small nadir: PD, 0.5 mm from the 5 mm rule', [10, 15.5], [['PD +5 mm by 0.5 mm']]],
    ['+4.5 mm at +3 % over a large nadir: the 5 mm rule alone cannot flip it', [150, 154.5], [[]]],
  ])('%s', (_what, sizes, expected) => {
    expect(borderlineOf(liver(sizes))).toEqual(expected);
  });

  it('a node at 10.4 mm short axis, the only target left, is 0.4 mm from a target CR', () => {
    const csv = [
      HEADER,
      'P1,BL,2024-01-01,T1,target,lymph node,yes,,20,',
      'P1,BL,2024-01-01,T2,target,liver,no,30,,',
      'P1,FU1,2024-03-01,T1,target,lymph node,yes,,10.4,',
      'P1,FU1,2024-03-01,T2,target,liver,no,,,absent',
    ].join('\n');
    const [row] = followUps(csv);
    expect((row as unknown as { borderline: string[] }).borderline).toContain('T1 10 mm by 0.4 mm');
    expect(row?.explanation).toMatch(/Borderline: .*T1 10 mm by 0.4 mm/);
  });

  it('a node near 10 mm does not decide CR while another target remains', () => {
    const node = { lesionId: 'T1', organ: 'lymph node', nodal: true };
    const liverLesion = { lesionId: 'T2', organ: 'liver', nodal: false };
    const observations: TargetObservation[] = [
      { ...node, fragments: [{ state: 'measured', diameter: mmToMicrometres(9.8) }] },
      { ...liverLesion, fragments: [{ state: 'measured', diameter: mmToMicrometres(12) }] },
    ];
    const flags = borderlineFlags({ baselineTargets: [node, liverLesion], observations, sum: mmToMicrometres(21.8), baselineSum: mmToMicrometres(60), nadirSum: mmToMicrometres(60) });
    expect(flags.map((f) => f.rule)).not.toContain('NODE_10_MM');
  });

  it('margins are options', () => {
    const node = { lesionId: 'T1', organ: 'liver', nodal: false };
    const observations: TargetObservation[] = [{ ...node, fragments: [{ state: 'measured', diameter: mmToMicrometres(76) }] }];
    const input = { baselineTargets: [node], observations, sum: mmToMicrometres(76), baselineSum: mmToMicrometres(100), nadirSum: mmToMicrometres(100) };
    expect(borderlineFlags(input).map((f) => f.rule)).toEqual([]);
    expect(borderlineFlags(input, { percentPoints: 7, millimetres: 1 })).toEqual([{ rule: 'PR_MINUS_30_PERCENT', distance: 6 }]);
  });
});
