// Target-lesion response per time point (RECIST 1.1 section 4.3.1; RECIST-RULES.md "Sum of diameters",
// "Target response"). Black box: only through `recist assess`.
import { describe, expect, it } from 'vitest';
import { patient, type TargetSpec } from './builders';
import { followUps, pick, timepoints, type Response } from './harness';

interface SumCase {
  rule: string;
  targets: Record<string, TargetSpec>;
  /** target_response at each follow-up (baseline excluded). */
  responses: Response[];
  /** target_sum_mm at each follow-up, when the case is about the sum. */
  sums?: (number | null)[];
  flags?: string[];
}

const liver = (sizes: TargetSpec['sizes']): TargetSpec => ({ organ: 'liver', sizes });
const lung = (sizes: TargetSpec['sizes']): TargetSpec => ({ organ: 'right lung', sizes });
const node = (sizes: TargetSpec['sizes']): TargetSpec => ({ organ: 'lymph node', nodal: true, sizes });

const thresholds: SumCase[] = [
  {
    rule: 'PD at exactly +20 % and >= 5 mm over the nadir (25.5 -> 30.6 mm, exact arithmetic)',
    targets: { T1: liver([25.5, 30.6]) },
    responses: ['PD'],
    sums: [30.6],
  },
  {
    rule: 'not PD just under +20 % over the nadir (25.5 -> 30.5 mm)',
    targets: { T1: liver([25.5, 30.5]) },
    responses: ['SD'],
  },
  {
    rule: 'PD at exactly +5 mm when the growth is also > 20 % (nadir 3.2 -> 8.2 mm)',
    targets: { T1: liver([20, 3.2, 8.2]) },
    responses: ['PR', 'PD'],
    sums: [3.2, 8.2],
  },
  {
    rule: 'not PD at +4.9 mm even though the growth is > 20 % (nadir 3.2 -> 8.1 mm)',
    targets: { T1: liver([20, 3.2, 8.1]) },
    responses: ['PR', 'PR'],
  },
  {
    rule: 'not PD at +49 % over a small nadir when the absolute growth is < 5 mm (10 -> 14.9 mm)',
    targets: { T1: liver([20, 10, 14.9]) },
    responses: ['PR', 'PR'],
  },
  {
    rule: 'PR at exactly -30 % from baseline (50 -> 35 mm)',
    targets: { T1: liver([30, 21]), T2: lung([20, 14]) },
    responses: ['PR'],
    sums: [35],
  },
  {
    rule: 'SD at -29.8 % from baseline (50 -> 35.1 mm)',
    targets: { T1: liver([30, 21.1]), T2: lung([20, 14]) },
    responses: ['SD'],
  },
  {
    rule: 'SD for growth below the PD threshold (50 -> 55 mm)',
    targets: { T1: liver([50, 55]) },
    responses: ['SD'],
  },
];

const nadir: SumCase[] = [
  {
    rule: 'growth is judged against the nadir, not baseline (100 -> 50 -> 60 mm is PD although -40 % from baseline)',
    targets: { T1: liver([60, 30, 36]), T2: liver([40, 20, 24]) },
    responses: ['PR', 'PD'],
    sums: [50, 60],
  },
  {
    rule: 'the nadir includes the baseline (50 -> 55 -> 60 mm is PD)',
    targets: { T1: liver([50, 55, 60]) },
    responses: ['SD', 'PD'],
  },
  {
    rule: 'the nadir is the smallest sum before this time point (100 -> 90 -> 108 mm is PD)',
    targets: { T1: liver([60, 54, 64.8]), T2: lung([40, 36, 43.2]) },
    responses: ['SD', 'PD'],
    sums: [90, 108],
  },
  {
    rule: 'PD is tested before PR (100 -> 20 -> 30 mm: -70 % from baseline but +50 % / +10 mm over the nadir)',
    targets: { T1: liver([60, 12, 18]), T2: lung([40, 8, 12]) },
    responses: ['PR', 'PD'],
  },
];

const lesionStates: SumCase[] = [
  {
    rule: 'CR when every non-nodal target has disappeared (sum 0)',
    targets: { T1: liver([30, 'absent']), T2: lung([20, 'absent']) },
    responses: ['CR'],
    sums: [0],
  },
  {
    rule: 'CR when non-nodal targets are gone and every nodal target is < 10 mm short axis: the CR sum can be > 0',
    targets: { T1: liver([30, 'absent']), T2: node([20, 9.9]) },
    responses: ['CR'],
    sums: [9.9],
  },
  {
    rule: 'not CR when a nodal target short axis is exactly 10 mm',
    targets: { T1: liver([30, 'absent']), T2: node([20, 10]) },
    responses: ['PR'],
    sums: [10],
  },
  {
    rule: 'a nodal target is measured by its short axis, not its long axis',
    targets: { T1: node([20, 12]) },
    responses: ['PR'],
    sums: [12],
  },
  {
    rule: 'a measured diameter below 5 mm is used as measured (not CR, not 5 mm)',
    targets: { T1: liver([30, 3]) },
    responses: ['PR'],
    sums: [3],
  },
  {
    rule: 'a target too small to measure counts 5 mm',
    targets: { T1: liver([20, 'too_small']) },
    responses: ['PR'],
    sums: [5],
  },
  {
    rule: 'too small (5 mm) sets the nadir: growth to 10 mm is PD',
    targets: { T1: liver([20, 'too_small', 10]) },
    responses: ['PR', 'PD'],
    sums: [5, 10],
  },
  {
    rule: 'the diameters of the fragments of a split lesion add up',
    targets: { T1: liver([30, [12, 10]]) },
    responses: ['SD'],
    sums: [22],
  },
  {
    rule: 'coalesced lesions: the merged diameter is on one lesion, the merged-away lesion counts 0',
    targets: { T1: liver([20, 30]), T2: liver([20, 'merged']) },
    responses: ['SD'],
    sums: [30],
  },
  {
    rule: 'a not-evaluable target makes the sum unknown: NE',
    targets: { T1: liver([30, 25]), T2: lung([20, 'not_evaluable']) },
    responses: ['NE'],
    sums: [null],
  },
  {
    rule: 'a baseline target with no row at a follow-up is not assessed (not 0 mm): NE',
    targets: { T1: liver([30, 25]), T2: lung([20, null]) },
    responses: ['NE'],
    sums: [null],
  },
  {
    rule: 'unknown sum, but the known lesions alone already prove PD over the nadir: PD',
    targets: { T1: liver([20, 10, 30]), T2: lung([20, 10, 'not_evaluable']) },
    responses: ['PR', 'PD'],
  },
  {
    rule: 'unknown sum and the known lesions do not prove PD: NE',
    targets: { T1: liver([20, 10, 22]), T2: lung([20, 10, null]) },
    responses: ['PR', 'NE'],
  },
];

const continuingPr: SumCase[] = [
  {
    rule: 'continuing PR (default): sums 100, 70, 70, 80, 80, 80 are PR at every follow-up [FAQ]',
    targets: { T1: liver([100, 70, 70, 80, 80, 80]) },
    responses: ['PR', 'PR', 'PR', 'PR', 'PR'],
  },
  {
    rule: '--pr-policy continuing is the default and can be given explicitly',
    targets: { T1: liver([100, 70, 80]) },
    responses: ['PR', 'PR'],
    flags: ['--pr-policy', 'continuing'],
  },
  {
    rule: '--pr-policy per-timepoint: 80 after 70 (of baseline 100) is SD',
    targets: { T1: liver([100, 70, 70, 80, 80, 80]) },
    responses: ['PR', 'PR', 'SD', 'SD', 'SD'],
    flags: ['--pr-policy', 'per-timepoint'],
  },
  {
    rule: 'continuing PR ends when the PD criteria are met (100 -> 70 -> 84 mm)',
    targets: { T1: liver([100, 70, 84]) },
    responses: ['PR', 'PD'],
  },
  {
    rule: 'SD before any PR is not turned into PR (100 -> 80 -> 75 mm)',
    targets: { T1: liver([100, 80, 75]) },
    responses: ['SD', 'SD'],
  },
];

const reappearance: SumCase[] = [
  {
    rule: 'a disappeared target that reappears goes back into the sum; not PD while the sum criteria are not met',
    targets: { T1: liver([20, 'absent', 3]), T2: lung([30, 15, 15]) },
    responses: ['PR', 'PR'],
    sums: [15, 18],
  },
  {
    rule: 'a disappeared target that reappears is PD when the sum criteria are met',
    targets: { T1: liver([20, 'absent', 10]), T2: lung([30, 15, 15]) },
    responses: ['PR', 'PD'],
    sums: [15, 25],
  },
  {
    rule: 'any reappearance after an overall CR is PD, even +4 mm over a nadir of 0 [FAQ]',
    targets: { T1: liver([20, 'absent', 4]) },
    responses: ['CR', 'PD'],
    sums: [0, 4],
  },
];

function check(c: SumCase): void {
  const rows = followUps(patient('P1').targets(c.targets).csv(), ...(c.flags ?? []));
  expect(pick(rows, 'target_response')).toEqual(c.responses);
  if (c.sums) expect(pick(rows, 'target_sum_mm')).toEqual(c.sums);
}

describe('target response: PD and PR thresholds in exact arithmetic', () => {
  it.each(thresholds)('$rule', check);
});

describe('target response: shrinkage vs baseline, growth vs nadir', () => {
  it.each(nadir)('$rule', check);
});

describe('target response: lesion states in the sum of diameters', () => {
  it.each(lesionStates)('$rule', check);
});

describe('target response: continuing PR', () => {
  it.each(continuingPr)('$rule', check);
});

describe('target response: reappearance of a disappeared target', () => {
  it.each(reappearance)('$rule', check);

  it('reappearance after a target CR whose overall response was PR (non-targets persist) is judged by the sums', () => {
    const csv = patient('P1')
      .targets({ T1: liver([20, 'absent', 4]) })
      .nonTargets({ NT1: { organ: 'peritoneum', states: ['present', 'present', 'present'] } })
      .csv();
    const rows = followUps(csv);
    expect(pick(rows, 'target_response')).toEqual(['CR', 'PR']);
    expect(pick(rows, 'overall_response')).toEqual(['PR', 'PR']);
  });
});

describe('time point numbers: sums, nadir, changes and days', () => {
  const csv = patient('P1')
    .dates(['2024-01-31', '2024-03-01', '2024-06-01'])
    .targets({ T1: liver([30, 21, 24]), T2: lung([20, 14, 16]) })
    .csv();

  it('the baseline row has the baseline sum, day 0 and null responses, nadir and changes', () => {
    const [baseline] = timepoints(csv);
    expect(baseline).toMatchObject({
      timepoint: 'BL',
      scan_date: '2024-01-31',
      days_from_baseline: 0,
      target_sum_mm: 50,
      baseline_sum_mm: 50,
      nadir_sum_mm: null,
      change_from_baseline_pct: null,
      change_from_nadir_pct: null,
      change_from_nadir_mm: null,
      target_response: null,
      nontarget_response: null,
      overall_response: null,
    });
  });

  it('days from baseline count calendar days across a leap day (2024-01-31 -> 2024-03-01 = 30)', () => {
    expect(pick(timepoints(csv), 'days_from_baseline')).toEqual([0, 30, 122]);
  });

  it('the first follow-up is compared with the baseline as nadir (-30 %, -15 mm)', () => {
    const fu1 = timepoints(csv)[1];
    expect(fu1).toMatchObject({
      target_sum_mm: 35,
      baseline_sum_mm: 50,
      nadir_sum_mm: 50,
      change_from_baseline_pct: -30,
      change_from_nadir_pct: -30,
      change_from_nadir_mm: -15,
    });
  });

  it('a later follow-up is compared with the smallest earlier sum; percentages rounded to 0.1', () => {
    const fu2 = timepoints(csv)[2];
    expect(fu2).toMatchObject({
      target_sum_mm: 40,
      baseline_sum_mm: 50,
      nadir_sum_mm: 35,
      change_from_baseline_pct: -20,
      change_from_nadir_pct: 14.3, // 5 / 35 = 14.2857 %
      change_from_nadir_mm: 5,
      target_response: 'PR', // +14.3 % is not PD; continuing PR
    });
  });

  it('sums of decimal diameters are rounded to 0.1 mm (12.3 + 4.5 + 0.1 = 16.9)', () => {
    const rows = timepoints(
      patient('P1')
        .targets({ T1: liver([12.3, 12.3]), T2: lung([10.1, 4.5]), T3: { organ: 'spleen', sizes: [10, 0.1] } })
        .csv(),
    );
    expect(pick(rows, 'target_sum_mm')).toEqual([32.4, 16.9]);
  });

  it('an unknown sum is not used as a nadir', () => {
    // 40 -> NE -> 30: the nadir for the last time point is 40 (the NE time point has no sum)
    const rows = timepoints(
      patient('P1')
        .targets({ T1: liver([20, 'not_evaluable', 15]), T2: lung([20, 5, 15]) })
        .csv(),
    );
    expect(rows[1]!.target_sum_mm).toBeNull();
    expect(rows[2]!.nadir_sum_mm).toBe(40);
  });
});
