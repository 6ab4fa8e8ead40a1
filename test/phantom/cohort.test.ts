// The synthetic demo cohort: deterministic, written with the app's patient-CSV columns and rules (so the cohort
// screen reads it as it reads an export), internally consistent (dates, PFS <= OS, landmark), with responses the
// RECIST engine agrees with, realistic censoring, and an arm effect the survival module finds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLINICAL_EXPORT_COLUMNS, DEFAULT_LANDMARK_DAYS, SURVIVAL_COLUMNS } from '../../src/export/survivalColumns';
import {
  COHORT_COLUMNS,
  DATA_CUTOFF,
  DEMO_COHORT_PATH,
  DEMO_COHORT_SIZE,
  LANDMARK_DAYS,
  PATIENT_CSV_COLUMNS,
  cohortCsv,
  generateCohort,
  type CohortPatient,
} from '../../src/phantom/cohort';
import { bestOverallResponse } from '../../src/recist/bestOverallResponse';
import { DEFAULT_ASSESS_OPTIONS } from '../../src/recist/types';
import { parseCsv } from '../../src/shared/csv';
import { addDays, daysBetween, isIsoDate } from '../../src/shared/isoDate';
import { coxPh } from '../../src/survival/coxPh';
import { kaplanMeierByGroup } from '../../src/survival/kaplanMeier';
import { logRank } from '../../src/survival/logRank';

const cohort = generateCohort();
const share = (predicate: (p: CohortPatient) => boolean) => cohort.filter(predicate).length / cohort.length;
const L = LANDMARK_DAYS;

/** The RECIST engine's best overall response of a patient's scans (those up to `lastDay`). */
function engineBor(p: CohortPatient, confirm: boolean, lastDay = Infinity): string {
  const scans = p.scans.filter((s) => s.day <= lastDay);
  const followUps = scans.map((s) => ({
    scanDate: addDays(p.originDate, s.day),
    daysFromBaseline: s.day + daysBetween(p.baselineDate, p.originDate),
    response: s.response,
  }));
  const pd = scans.find((s) => s.response === 'PD');
  const progressionDate = pd === undefined ? null : addDays(p.originDate, pd.day);
  return bestOverallResponse(followUps, progressionDate, { ...DEFAULT_ASSESS_OPTIONS, confirm }, 'SD').response;
}

describe('demo cohort', () => {
  it('is the same on every run, and differs for another seed', () => {
    expect(cohortCsv(generateCohort())).toBe(cohortCsv(cohort));
    expect(cohortCsv(generateCohort(DEMO_COHORT_SIZE, 'other'))).not.toBe(cohortCsv(cohort));
  });

  it('has the export\'s columns in its order: the patient CSV, then cycles, then the covariates sorted by name', () => {
    expect([...PATIENT_CSV_COLUMNS]).toEqual([...SURVIVAL_COLUMNS]);
    const covariates = COHORT_COLUMNS.slice(SURVIVAL_COLUMNS.length + CLINICAL_EXPORT_COLUMNS.length);
    expect(COHORT_COLUMNS.slice(0, SURVIVAL_COLUMNS.length + 1)).toEqual([...SURVIVAL_COLUMNS, ...CLINICAL_EXPORT_COLUMNS]);
    expect(covariates).toEqual(['age', 'arm', 'ecog', 'sex']);
    expect(L).toBe(DEFAULT_LANDMARK_DAYS);
  });

  it('has a few hundred patients in two balanced arms (permuted blocks of 4)', () => {
    expect(cohort).toHaveLength(300);
    expect(new Set(cohort.map((p) => p.patientId)).size).toBe(300);
    expect(cohort.filter((p) => p.arm === 'A')).toHaveLength(150);
  });

  it('dates: baseline 3-28 days before origin, origin before the cut-off, scans every ~6 weeks up to the first PD', () => {
    for (const p of cohort) {
      expect(isIsoDate(p.originDate) && isIsoDate(p.baselineDate) && isIsoDate(p.lastAssessmentDate)).toBe(true);
      expect(daysBetween(p.baselineDate, p.originDate)).toBeGreaterThanOrEqual(3);
      expect(daysBetween(p.baselineDate, p.originDate)).toBeLessThanOrEqual(28);
      expect(daysBetween(p.originDate, DATA_CUTOFF)).toBeGreaterThan(0);
      p.scans.forEach((s, k) => expect([s.day >= 42 * (k + 1), s.day <= 42 * (k + 1) + 7]).toEqual([true, true]));
      expect(p.scans.filter((s) => s.response === 'PD').length).toBeLessThanOrEqual(1);
      expect(p.scans.slice(0, -1).some((s) => s.response === 'PD')).toBe(false);
      expect(p.scans.at(-1)?.day ?? 0).toBeLessThanOrEqual(p.osDays);
    }
  });

  it('PFS: progression (its scan) or death, whichever first; else censored at the last adequate assessment', () => {
    for (const p of cohort) {
      expect(p.pfsDays).toBeLessThanOrEqual(p.osDays);
      if (p.osEvent) expect(p.pfsEvent).toBe(true);
      expect(p.pfsEvent).toBe(p.pfsEventType !== null);
      if (p.pfsEventType === 'progression') expect(p.progressionDate).toBe(addDays(p.originDate, p.pfsDays));
      if (p.pfsEventType === 'death') expect([p.progressionDate, p.osEvent, p.pfsDays]).toEqual([null, true, p.osDays]);
      if (!p.pfsEvent) expect(p.pfsDays).toBe(Math.max(0, daysBetween(p.originDate, p.lastAssessmentDate)));
      const adequate = p.scans.filter((s) => s.response !== 'NE').at(-1);
      expect(p.lastAssessmentDate).toBe(adequate === undefined ? p.baselineDate : addDays(p.originDate, adequate.day));
      expect(p.osDays).toBeLessThanOrEqual(daysBetween(p.originDate, DATA_CUTOFF));
    }
  });

  it('best overall response, confirmed or not, is what the RECIST engine gives for the same scans', () => {
    for (const p of cohort) {
      expect(p.bestOverallResponse).toBe(engineBor(p, false));
      expect(p.borConfirmed).toBe(engineBor(p, true));
    }
    // Confirmation only takes responses away.
    expect(share((p) => p.borConfirmed === 'PR' || p.borConfirmed === 'CR')).toBeLessThan(share((p) => p.bestOverallResponse === 'PR' || p.bestOverallResponse === 'CR'));
    expect(share((p) => p.bestOverallResponse === 'CR')).toBeGreaterThan(0);
  });

  it(`landmark at day ${L}: at risk when OS reaches it; the response is what the scans up to day ${L} showed; the clock restarts`, () => {
    for (const p of cohort) {
      expect(p.landmarkDays).toBe(L);
      expect(p.landmarkAtRisk).toBe(p.osDays >= L);
      if (!p.landmarkAtRisk) {
        expect([p.landmarkResponse, p.landmarkOsDays, p.landmarkOsEvent]).toEqual([null, null, null]);
        continue;
      }
      expect(p.landmarkResponse).toBe(engineBor(p, false, L));
      expect([p.landmarkOsDays, p.landmarkOsEvent]).toEqual([p.osDays - L, p.osEvent]);
      // PD at the landmark was seen by then; a patient progression-free past the landmark was not PD at it.
      if (p.landmarkResponse === 'PD') expect(p.progressionDate !== null && daysBetween(p.originDate, p.progressionDate) <= L).toBe(true);
      if (p.pfsDays > L) expect(p.landmarkResponse).not.toBe('PD');
    }
    expect(share((p) => p.landmarkAtRisk)).toBeGreaterThan(0.8);
    expect(share((p) => p.landmarkAtRisk)).toBeLessThan(0.97);
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

  it('has responders at the landmark living longer after it than patients with PD (the response effect is real)', () => {
    const atLandmark = cohort.filter((p) => p.landmarkAtRisk && (p.landmarkResponse === 'PR' || p.landmarkResponse === 'CR' || p.landmarkResponse === 'PD'));
    const records = atLandmark.map((p) => ({ time: p.landmarkOsDays as number, event: p.landmarkOsEvent as boolean, group: p.landmarkResponse === 'PD' ? 'PD' : 'CR/PR' }));
    const curves = kaplanMeierByGroup(records);
    if (!curves.ok) throw new Error(curves.error.code);
    const [responders, pd] = curves.value;
    expect(responders?.group).toBe('CR/PR');
    expect(pd?.median.median).toBeLessThan(responders?.median.median ?? Infinity);
  });

  it('writes the CSV columns in order, events as 1/0 and empty cells for unknown or not applicable', () => {
    const parsed = parseCsv(cohortCsv(cohort));
    if (!parsed.ok) throw new Error(parsed.error.code);
    const [header, ...rows] = parsed.records;
    expect(header?.fields).toEqual([...COHORT_COLUMNS]);
    expect(rows).toHaveLength(300);
    const column = (name: (typeof COHORT_COLUMNS)[number]) => new Set(rows.map((r) => r.fields[COHORT_COLUMNS.indexOf(name)]));
    expect(column('pfs_event')).toEqual(new Set(['0', '1']));
    expect(column('landmark_os_event')).toEqual(new Set(['0', '1', '']));
    expect(column('landmark_response')).toEqual(new Set(['CR', 'PR', 'SD', 'PD', '']));
    expect(column('pfs_event_type')).toEqual(new Set(['progression', 'death', '']));
    expect(column('landmark_days')).toEqual(new Set([String(L)]));
  });

  it('the committed sample-dicom/demo-cohort.csv is what the generator writes (npm run cohort:generate)', () => {
    const committed = join(import.meta.dirname, '../..', DEMO_COHORT_PATH);
    expect(readFileSync(committed, 'utf8')).toBe(cohortCsv(cohort));
  });
});
