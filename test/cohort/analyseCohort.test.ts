// The statistics of a selection are those of src/survival on the same records; a part that fails says why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCohort, groupSummaries } from '../../src/cohort/analyseCohort';
import { DEFAULT_CHOICE, type CohortChoice } from '../../src/cohort/cohortChoice';
import { readCohortCsv } from '../../src/cohort/patientCsv';
import { selectPatients } from '../../src/cohort/selectPatients';
import { coxPh } from '../../src/survival/coxPh';
import { kaplanMeierByGroup } from '../../src/survival/kaplanMeier';
import { logRank } from '../../src/survival/logRank';
import { table } from './fixtures';

const demo = (() => {
  const read = readCohortCsv(readFileSync(new URL('../../sample-dicom/demo-cohort.csv', import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(read.error.code);
  return read.value;
})();

function analyse(choice: CohortChoice, t = demo) {
  const s = selectPatients(t, choice);
  if (!s.ok) throw new Error(s.error.code);
  return analyseCohort(s.value);
}

describe('analyseCohort on the demo cohort', () => {
  it('landmark OS by response: the medians and log-rank test of src/survival on the records built here', () => {
    const groupOf = (r: string) => (r === 'CR' || r === 'PR' ? 'CR/PR' : r === 'PD' ? 'PD' : 'SD');
    const records = demo.rows
      .filter((r) => r.landmarkAtRisk === true && r.landmarkResponse !== null && r.landmarkResponse !== 'NE')
      .map((r) => ({ time: r.landmarkOsDays as number, event: r.landmarkOsEvent as boolean, group: groupOf(r.landmarkResponse as string) }));
    const levels = ['CR/PR', 'SD', 'PD'];
    const expectedCurves = kaplanMeierByGroup(records, { levels });
    const expectedTest = logRank(records, { levels });
    const a = analyse(DEFAULT_CHOICE);
    const rows = groupSummaries(a);
    if (!rows.ok || !expectedCurves.ok || !expectedTest.ok || !('ok' in a.logRank) || !a.logRank.ok) throw new Error('expected results');
    expect(rows.value.map((g) => [g.group, g.n, g.events, g.median, g.lower, g.upper])).toEqual(
      expectedCurves.value.map((c) => [c.group, c.n, c.events, c.median.median, c.median.lower, c.median.upper]),
    );
    expect(a.logRank.value.pValue).toBe(expectedTest.value.pValue);
    expect(a.logRank.value.df).toBe(2);
  });

  it('the Cox model compares each group with the first (SD vs CR/PR, PD vs CR/PR)', () => {
    const a = analyse(DEFAULT_CHOICE);
    if ('notApplicable' in a.cox || !a.cox.model.ok) throw new Error('expected a model');
    expect(a.cox.terms.map((t) => t.label)).toEqual(['SD vs CR/PR', 'PD vs CR/PR']);
    const [sd, pd] = a.cox.model.value.coefficients;
    expect(sd?.hazardRatio).toBeGreaterThan(1);
    expect(pd?.hazardRatio).toBeGreaterThan(sd?.hazardRatio ?? Infinity);
  });

  it('a continuous covariate: one curve, no log-rank test, a Cox hazard ratio per unit', () => {
    const a = analyse({ ...DEFAULT_CHOICE, grouping: { kind: 'covariate', column: 'age', use: 'continuous' } });
    expect(a.logRank).toEqual({ notApplicable: 'CONTINUOUS' });
    if ('notApplicable' in a.cox || !a.cox.model.ok) throw new Error('expected a model');
    const records = demo.rows.map((r) => ({ time: r.osDays as number, event: r.osEvent as boolean, covariates: { age: Number(r.covariates.age) } }));
    const expected = coxPh(records, { covariates: ['age'] });
    expect(a.cox.model.value.coefficients[0]?.hazardRatio).toBe(expected.ok ? expected.value.coefficients[0]?.hazardRatio : NaN);
    expect(a.cox.terms[0]?.label).toBe('age (per 1 unit)');
  });

  it('one group: the curve, and no test or model to show', () => {
    const a = analyse({ ...DEFAULT_CHOICE, grouping: { kind: 'covariate', column: 'arm', use: 'values' } }, table([{ arm: 'A' }, { arm: 'A', os_event: '1' }], ['arm']));
    expect(a.curves.ok).toBe(true);
    expect([a.logRank, a.cox]).toEqual([{ notApplicable: 'ONE_GROUP' }, { notApplicable: 'ONE_GROUP' }]);
  });

  it('a failing test is an error value beside the curves (no events: nothing to test)', () => {
    const a = analyse({ ...DEFAULT_CHOICE, grouping: { kind: 'covariate', column: 'arm', use: 'values' } }, table([{ arm: 'A' }, { arm: 'B' }], ['arm']));
    expect(a.curves.ok).toBe(true);
    expect('ok' in a.logRank && !a.logRank.ok && a.logRank.error.code).toBe('NO_EVENTS');
  });
});
