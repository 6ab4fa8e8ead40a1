// Who is analysed, in which group, and who is left out and why, for each grouping.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICE, type CohortChoice, type Grouping } from '../../src/cohort/cohortChoice';
import { selectPatients } from '../../src/cohort/selectPatients';
import { os, table, type Cells } from './fixtures';

const choose = (grouping: Grouping, endpoint: CohortChoice['endpoint'] = 'os'): CohortChoice => ({ ...DEFAULT_CHOICE, grouping, endpoint });
const landmark: Grouping = { kind: 'landmark', split: 'cr-pr/sd/pd' };

function select(rows: Cells[], choice: CohortChoice, extra: string[] = []) {
  const s = selectPatients(table(rows, extra), choice);
  if (!s.ok) throw new Error(s.error.code);
  return s.value;
}

const cohort: Cells[] = [
  { ...os(400, true), landmark_response: 'PR', best_overall_response: 'PR' },
  { ...os(300, false), landmark_response: 'CR', best_overall_response: 'CR' },
  { ...os(200, true), landmark_response: 'SD', best_overall_response: 'PR' },
  { ...os(150, true), landmark_response: 'PD', best_overall_response: 'PD' },
  { ...os(120, true), landmark_response: 'NE', best_overall_response: 'NE' },
  { ...os(60, true), best_overall_response: 'PD' },
  { ...os(500, false), landmark_response: 'NON-CR/NON-PD', best_overall_response: 'NON-CR/NON-PD' },
];

describe('selectPatients', () => {
  it('landmark (default): those at risk at day 91, by the response then, time from the landmark', () => {
    const s = select(cohort, DEFAULT_CHOICE);
    expect(s.origin).toEqual({ kind: 'landmark', days: 91 });
    expect(s.levels).toEqual(['CR/PR', 'SD', 'PD']);
    expect(s.patients.map((p) => [p.patientId, p.record.group, p.record.time, p.record.event])).toEqual([
      ['P1', 'CR/PR', 309, true],
      ['P2', 'CR/PR', 209, false],
      ['P3', 'SD', 109, true],
      ['P4', 'PD', 59, true],
      ['P7', 'SD', 409, false],
    ]);
    expect(s.excluded).toEqual([{ reason: 'NOT_AT_RISK_AT_LANDMARK', count: 1 }, { reason: 'NOT_EVALUABLE', count: 1 }]);
  });

  it('responders vs non-responders keeps NE as a non-responder', () => {
    const s = select(cohort, choose({ kind: 'landmark', split: 'responders' }));
    expect(s.levels).toEqual(['Responders (CR/PR)', 'Non-responders']);
    expect(s.patients.find((p) => p.patientId === 'P5')?.record.group).toBe('Non-responders');
    expect(s.excluded).toEqual([{ reason: 'NOT_AT_RISK_AT_LANDMARK', count: 1 }]);
  });

  it('best overall response: everybody from the origin, by the best response over all follow-up', () => {
    const s = select(cohort, choose({ kind: 'best-response', split: 'cr-pr/sd/pd' }));
    expect(s.origin).toEqual({ kind: 'origin' });
    expect(s.patients.map((p) => [p.patientId, p.record.group, p.record.time])).toEqual([
      ['P1', 'CR/PR', 400], ['P2', 'CR/PR', 300], ['P3', 'CR/PR', 200], ['P4', 'PD', 150], ['P6', 'PD', 60], ['P7', 'SD', 500],
    ]);
  });

  it('PFS from the landmark leaves out who progressed by then, so PD at the landmark has nobody left', () => {
    const rows: Cells[] = [
      { landmark_response: 'PR', pfs_days: '300', pfs_event: '1' },
      { landmark_response: 'SD', pfs_days: '200', pfs_event: '0' },
      { landmark_response: 'PD', pfs_days: '85', pfs_event: '1' },
      { landmark_response: 'SD', pfs_days: '60', pfs_event: '0' },
    ];
    const s = select(rows, choose(landmark, 'pfs'));
    expect(s.levels).toEqual(['CR/PR', 'SD']);
    expect(s.patients.map((p) => [p.record.time, p.record.event])).toEqual([[209, true], [109, false]]);
    expect(s.excluded).toEqual([{ reason: 'EVENT_BY_LANDMARK', count: 1 }, { reason: 'CENSORED_BEFORE_LANDMARK', count: 1 }]);
  });

  it('a numeric covariate split at the median of the patients analysed; empty cells left out', () => {
    // The last patient has no OS: not analysed, so not in the median either (else it would be 65).
    const rows: Cells[] = [{ age: '50' }, { age: '60' }, { age: '70' }, { age: '' }, { age: '90', os_days: '' }];
    const s = select(rows, choose({ kind: 'covariate', column: 'age', use: 'median' }), ['age']);
    expect(s.median).toBe(60);
    expect(s.patients.map((p) => p.record.group)).toEqual(['age ≤ 60', 'age ≤ 60', 'age > 60']);
    expect(s.excluded).toEqual([{ reason: 'UNKNOWN_ENDPOINT', count: 1 }, { reason: 'MISSING_COVARIATE', count: 1 }]);
  });

  it('a continuous covariate: one group of everybody, the value as a Cox covariate', () => {
    const s = select([{ age: '50' }, { age: '61.5' }], choose({ kind: 'covariate', column: 'age', use: 'continuous' }), ['age']);
    expect([s.levels, s.continuous]).toEqual([['All patients'], 'age']);
    expect(s.patients.map((p) => p.record.covariates)).toEqual([{ age: 50 }, { age: 61.5 }]);
  });

  it.each<[string, Cells[], Grouping, string[], string]>([
    ['a landmark analysis of a file without a landmark', [{ landmark_days: '' }], landmark, [], 'NO_LANDMARK'],
    ['a column the file does not have', [{}], { kind: 'covariate', column: 'stage', use: 'median' }, [], 'UNKNOWN_COLUMN'],
    ['more than 8 groups', Array.from({ length: 9 }, (_, i) => ({ site: `s${i}` })), { kind: 'covariate', column: 'site', use: 'values' }, ['site'], 'TOO_MANY_GROUPS'],
    ['nobody left', [{ ...os(30, true) }], landmark, [], 'NO_PATIENTS'],
  ])('refuses %s', (_, rows, grouping, extra, code) => {
    const s = selectPatients(table(rows, extra), choose(grouping));
    expect(s.ok ? 'ok' : s.error.code).toBe(code);
  });
});
