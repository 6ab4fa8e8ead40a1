// The synthetic demo cohort: deterministic, internally consistent (dates, PFS <= OS, responses), with realistic
// censoring, and an arm effect the survival module finds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COHORT_COLUMNS, DATA_CUTOFF, DEMO_COHORT_PATH, DEMO_COHORT_SIZE, cohortCsv, generateCohort } from '../../src/phantom/cohort';
import { parseCsv } from '../../src/shared/csv';
import { daysBetween, isIsoDate } from '../../src/shared/isoDate';
import { coxPh } from '../../src/survival/coxPh';
import { logRank } from '../../src/survival/logRank';

const cohort = generateCohort();
const share = (predicate: (p: (typeof cohort)[number]) => boolean) => cohort.filter(predicate).length / cohort.length;

describe('demo cohort', () => {
  it('is the same on every run, and differs for another seed', () => {
    expect(cohortCsv(generateCohort())).toBe(cohortCsv(cohort));
    expect(cohortCsv(generateCohort(DEMO_COHORT_SIZE, 'other'))).not.toBe(cohortCsv(cohort));
  });

  it('has a few hundred patients in two balanced arms (permuted blocks of 4)', () => {
    expect(cohort).toHaveLength(300);
    expect(new Set(cohort.map((p) => p.patientId)).size).toBe(300);
    expect(cohort.filter((p) => p.arm === 'A')).toHaveLength(150);
  });

  it('dates: baseline 3-28 days before origin, origin before the cut-off, landmark near day 84 or an earlier PD', () => {
    for (const p of cohort) {
      expect(isIsoDate(p.originDate) && isIsoDate(p.baselineDate)).toBe(true);
      expect(daysBetween(p.baselineDate, p.originDate)).toBeGreaterThanOrEqual(3);
      expect(daysBetween(p.baselineDate, p.originDate)).toBeLessThanOrEqual(28);
      expect(daysBetween(p.originDate, DATA_CUTOFF)).toBeGreaterThan(0);
      if (p.landmarkDate === null) {
        expect(p.landmarkResponse).toBeNull();
        continue;
      }
      const day = daysBetween(p.originDate, p.landmarkDate);
      if (p.landmarkResponse === 'PD' && day < 84) expect(day).toBeGreaterThanOrEqual(42);
      else expect([day >= 84, day <= 91]).toEqual([true, true]);
      expect(day).toBeLessThanOrEqual(p.osDays);
    }
  });

  it('PFS ends no later than OS, a death is also a PFS event, and a PD at the landmark is a PFS event by then', () => {
    for (const p of cohort) {
      expect(p.pfsDays).toBeLessThanOrEqual(p.osDays);
      if (p.osEvent) expect(p.pfsEvent).toBe(true);
      if (p.landmarkResponse === 'PD' && p.landmarkDate !== null) {
        expect([p.pfsEvent, p.pfsDays]).toEqual([true, daysBetween(p.originDate, p.landmarkDate)]);
      }
      expect(p.osDays).toBeLessThanOrEqual(daysBetween(p.originDate, DATA_CUTOFF));
    }
  });

  it('best response is at least as good as the landmark response (CR > PR > SD > PD > NE)', () => {
    const rank = { CR: 4, PR: 3, SD: 2, PD: 1, NE: 0 } as const;
    for (const p of cohort) {
      if (p.landmarkResponse !== null) expect(rank[p.bestResponse ?? 'NE']).toBeGreaterThanOrEqual(rank[p.landmarkResponse]);
    }
  });

  it('censors realistically: 10-30 % of PFS and 20-50 % of OS', () => {
    expect(1 - share((p) => p.pfsEvent)).toBeGreaterThan(0.1);
    expect(1 - share((p) => p.pfsEvent)).toBeLessThan(0.3);
    expect(1 - share((p) => p.osEvent)).toBeGreaterThan(0.2);
    expect(1 - share((p) => p.osEvent)).toBeLessThan(0.5);
  });

  it('gives every patient at least one 21-day cycle, and no more than fit in their follow-up', () => {
    for (const p of cohort) {
      expect(p.cycles).toBeGreaterThanOrEqual(1);
      expect(p.cycles).toBeLessThanOrEqual(Math.floor(p.osDays / 21) + 1);
    }
  });

  it('has an experimental arm with longer PFS (log-rank p < 0.01, Cox HR between 0.4 and 0.8)', () => {
    const records = cohort.map((p) => ({ time: p.pfsDays, event: p.pfsEvent, group: p.arm, covariates: { armB: p.arm === 'B' ? 1 : 0 } }));
    const test = logRank(records);
    const cox = coxPh(records, { covariates: ['armB'] });
    expect(test.ok && test.value.pValue).toBeLessThan(0.01);
    const hr = cox.ok ? cox.value.coefficients[0]?.hazardRatio : undefined;
    expect(hr).toBeGreaterThan(0.4);
    expect(hr).toBeLessThan(0.8);
  });

  it('writes the CSV columns in order, events as 1/0 and empty cells for no response', () => {
    const parsed = parseCsv(cohortCsv(cohort));
    if (!parsed.ok) throw new Error(parsed.error.code);
    const [header, ...rows] = parsed.records;
    expect(header?.fields).toEqual([...COHORT_COLUMNS]);
    expect(rows).toHaveLength(300);
    const event = COHORT_COLUMNS.indexOf('pfs_event');
    expect(new Set(rows.map((r) => r.fields[event]))).toEqual(new Set(['0', '1']));
  });

  const committed = join(__dirname, '../..', DEMO_COHORT_PATH);
  it.skipIf(!existsSync(committed))('the committed demo-cohort.csv is what the generator writes (npm run cohort:generate)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(cohortCsv(cohort));
  });
});
