// Baseline checks of target selection (RECIST 1.1 sections 3.1, 3.2, 4.2; FAQ on paired organs and nodes):
// reported as warnings with stable codes, never stopping the assessment.
import { describe, expect, it } from 'vitest';
import { patient, type TargetSpec } from './builders';
import { assess, onePatient, timepoints } from './harness';

type Code = 'TOO_MANY_TARGETS' | 'TOO_MANY_TARGETS_PER_ORGAN' | 'TARGET_NOT_MEASURABLE';

const t = (organ: string, baseline: number, followUp = baseline): TargetSpec => ({ organ, sizes: [baseline, followUp] });
const n = (shortAxis: number, followUp = shortAxis): TargetSpec => ({
  organ: 'lymph node',
  nodal: true,
  sizes: [shortAxis, followUp],
});

interface WarningCase {
  rule: string;
  targets: Record<string, TargetSpec>;
  code: Code;
  warned: boolean;
}

const cases: WarningCase[] = [
  {
    rule: 'more than 5 targets: TOO_MANY_TARGETS',
    targets: { T1: t('liver', 30), T2: t('liver', 25), T3: t('spleen', 20), T4: t('pancreas', 20), T5: t('peritoneum', 20), T6: n(20) },
    code: 'TOO_MANY_TARGETS',
    warned: true,
  },
  {
    rule: 'exactly 5 targets: no TOO_MANY_TARGETS',
    targets: { T1: t('liver', 30), T2: t('liver', 25), T3: t('spleen', 20), T4: t('pancreas', 20), T5: n(20) },
    code: 'TOO_MANY_TARGETS',
    warned: false,
  },
  {
    rule: 'three targets in one organ: TOO_MANY_TARGETS_PER_ORGAN',
    targets: { T1: t('liver', 30), T2: t('liver', 25), T3: t('liver', 20) },
    code: 'TOO_MANY_TARGETS_PER_ORGAN',
    warned: true,
  },
  {
    rule: 'two targets in one organ: no TOO_MANY_TARGETS_PER_ORGAN',
    targets: { T1: t('liver', 30), T2: t('liver', 25), T3: t('spleen', 20) },
    code: 'TOO_MANY_TARGETS_PER_ORGAN',
    warned: false,
  },
  {
    rule: 'all lymph nodes are one organ: three nodal targets are too many',
    targets: { T1: n(20), T2: n(18), T3: n(16) },
    code: 'TOO_MANY_TARGETS_PER_ORGAN',
    warned: true,
  },
  {
    rule: 'paired organs count as one: two in the left lung and one in the right lung are too many',
    targets: { T1: t('left lung', 30), T2: t('left lung', 25), T3: t('right lung', 20) },
    code: 'TOO_MANY_TARGETS_PER_ORGAN',
    warned: true,
  },
  {
    rule: 'paired organs count as one: left, right and left kidney are too many',
    targets: { T1: t('left kidney', 30), T2: t('right kidney', 25), T3: t('left kidney', 20) },
    code: 'TOO_MANY_TARGETS_PER_ORGAN',
    warned: true,
  },
  {
    rule: 'paired organs: one target in each lung is allowed',
    targets: { T1: t('left lung', 30), T2: t('right lung', 25) },
    code: 'TOO_MANY_TARGETS_PER_ORGAN',
    warned: false,
  },
  {
    rule: 'a non-nodal target with long axis < 10 mm at baseline is not measurable',
    targets: { T1: t('liver', 30), T2: t('spleen', 9.9) },
    code: 'TARGET_NOT_MEASURABLE',
    warned: true,
  },
  {
    rule: 'a non-nodal target of exactly 10 mm at baseline is measurable',
    targets: { T1: t('liver', 30), T2: t('spleen', 10) },
    code: 'TARGET_NOT_MEASURABLE',
    warned: false,
  },
  {
    rule: 'a nodal target with short axis < 15 mm at baseline is not measurable (pathological, non-target)',
    targets: { T1: t('liver', 30), T2: n(14.9) },
    code: 'TARGET_NOT_MEASURABLE',
    warned: true,
  },
  {
    rule: 'a nodal target with short axis of exactly 15 mm at baseline is measurable',
    targets: { T1: t('liver', 30), T2: n(15) },
    code: 'TARGET_NOT_MEASURABLE',
    warned: false,
  },
  {
    rule: 'measurability is judged at baseline only: a target shrinking below 10 mm later is not flagged',
    targets: { T1: t('liver', 30, 4) },
    code: 'TARGET_NOT_MEASURABLE',
    warned: false,
  },
];

describe('baseline target selection warnings', () => {
  it.each(cases)('$rule', ({ targets, code, warned }) => {
    const csv = patient('P1').targets(targets).csv();
    const rows = timepoints(csv);
    const perPatient = onePatient(csv);
    if (warned) {
      expect(rows[0]!.warnings).toContain(code); // on the baseline row
      expect(perPatient.warnings).toContain(code);
    } else {
      for (const row of rows) expect(row.warnings).not.toContain(code);
      expect(perPatient.warnings).not.toContain(code);
    }
  });

  it('warnings never stop the assessment: six targets, three in the liver, still get responses', () => {
    const csv = patient('P1')
      .targets({
        T1: t('liver', 30, 15),
        T2: t('liver', 25, 12),
        T3: t('liver', 20, 10),
        T4: t('spleen', 20, 10),
        T5: t('pancreas', 20, 10),
        T6: n(20, 10),
      })
      .csv();
    const out = assess(csv, '--format', 'json');
    expect(out.exitCode).toBe(0);
    const rows = timepoints(csv);
    expect(rows[0]!.warnings).toEqual(expect.arrayContaining(['TOO_MANY_TARGETS', 'TOO_MANY_TARGETS_PER_ORGAN']));
    // No lesion is silently dropped: all six count in the sum.
    expect(rows[0]!.target_sum_mm).toBe(135);
    expect(rows[1]!.target_sum_mm).toBe(67);
    expect(rows[1]!.target_response).toBe('PR');
  });
});
