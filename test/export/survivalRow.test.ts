// The patient table for survival analysis, one rule at a time (src/export/survivalRow.ts).
import { describe, expect, it } from 'vitest';
import { survivalRow, type SurvivalRow } from '../../src/export/survivalRow';
import { DEFAULT_ASSESS_OPTIONS } from '../../src/recist/types';
import { toPatientRecord } from '../../src/tracking/toPatientRecord';
import type { PatientRow } from '../../src/tracking/types';
import { reading, type ReadingSpec } from './fixtures';

const OPTIONS = { landmarkDays: 91, assess: DEFAULT_ASSESS_OPTIONS };

function row(spec: ReadingSpec, patient: Partial<PatientRow> = {}, landmarkDays = 91): SurvivalRow {
  const tracked = reading({ ...spec, patient: { ...spec.patient, ...patient } });
  return survivalRow({ patient: tracked.patient, record: toPatientRecord(tracked).record }, { ...OPTIONS, landmarkDays });
}

const pick = <K extends keyof SurvivalRow>(r: SurvivalRow, ...keys: K[]) => Object.fromEntries(keys.map((k) => [k, r[k]]));

// Baseline 2024-01-01, treatment 2024-01-08; follow-ups at day 56 (PR), 119 (PR), 182 (PD) from the origin.
const RESPONDER: ReadingSpec = {
  patient: { treatmentDate: '2024-01-08' },
  dates: ['2024-01-01', '2024-03-04', '2024-05-06', '2024-07-08'],
  targets: { T1: { sizes: [50, 30, 28, 40] } },
};
// Stable disease throughout, last scan at day 119.
const STABLE: ReadingSpec = { patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01', '2024-03-04', '2024-05-06'], targets: { T1: { sizes: [50, 48, 47] } } };

describe('origin and dates', () => {
  it('takes the treatment start as origin, and reports baseline, best response and progression', () => {
    expect(pick(row(RESPONDER), 'origin_date', 'baseline_date', 'best_overall_response', 'progression_date', 'last_assessment_date')).toEqual({
      origin_date: '2024-01-08', baseline_date: '2024-01-01', best_overall_response: 'PR', progression_date: '2024-07-08', last_assessment_date: '2024-07-08',
    });
  });

  it('falls back to the baseline scan when the treatment start is unknown', () => {
    const r = row({ ...RESPONDER, patient: {} });
    expect([r.origin_date, r.pfs_days]).toEqual(['2024-01-01', 189]);
  });

  it('leaves every day count empty when there is no origin (no treatment date, no time point)', () => {
    const r = row({ dates: [] }, { deathDate: '2024-06-01', lastKnownAliveDate: '2024-05-01' });
    expect(pick(r, 'origin_date', 'baseline_date', 'best_overall_response', 'pfs_days', 'pfs_event', 'os_days', 'os_event', 'landmark_at_risk', 'landmark_response'))
      .toEqual({ origin_date: null, baseline_date: null, best_overall_response: null, pfs_days: null, pfs_event: null, os_days: null, os_event: null, landmark_at_risk: null, landmark_response: null });
    expect(r.landmark_days).toBe(91);
  });

  it('gives no response columns while the baseline has no target or non-target (as the app shows none)', () => {
    const r = row({ patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01', '2024-03-01'], newLesions: { N1: { states: [null, 'unequivocal'] } } });
    expect(pick(r, 'best_overall_response', 'bor_confirmed', 'pfs_days', 'pfs_event', 'os_days', 'os_event'))
      .toEqual({ best_overall_response: null, bor_confirmed: null, pfs_days: null, pfs_event: null, os_days: 53, os_event: 0 });
  });
});

describe('bor_confirmed: the best overall response when CR/PR must be confirmed (RECIST 1.1 Table 3)', () => {
  it('keeps a PR seen again 28 days or more later', () => {
    expect(row(RESPONDER).bor_confirmed).toBe('PR');
  });

  it('makes an unconfirmed PR (followed by PD) SD when the SD minimum was met', () => {
    const r = row({ dates: ['2024-01-01', '2024-03-04', '2024-05-06'], targets: { T1: { sizes: [50, 30, 45] } } });
    expect([r.best_overall_response, r.bor_confirmed]).toEqual(['PR', 'SD']);
  });
});

describe('PFS', () => {
  it('ends at progression: event 1, type progression, days from the origin', () => {
    expect(pick(row(RESPONDER), 'pfs_days', 'pfs_event', 'pfs_event_type')).toEqual({ pfs_days: 182, pfs_event: 1, pfs_event_type: 'progression' });
  });

  it('ends at death without progression: type death', () => {
    expect(pick(row(STABLE, { deathDate: '2024-06-01' }), 'pfs_days', 'pfs_event', 'pfs_event_type')).toEqual({ pfs_days: 145, pfs_event: 1, pfs_event_type: 'death' });
  });

  it('ends at the earlier of progression and death; on the same day it is progression', () => {
    expect(pick(row(RESPONDER, { deathDate: '2024-06-01' }), 'pfs_days', 'pfs_event_type')).toEqual({ pfs_days: 145, pfs_event_type: 'death' });
    expect(pick(row(RESPONDER, { deathDate: '2024-07-08' }), 'pfs_days', 'pfs_event_type')).toEqual({ pfs_days: 182, pfs_event_type: 'progression' });
  });

  it('is censored at the last adequate assessment when neither happened', () => {
    expect(pick(row(STABLE), 'pfs_days', 'pfs_event', 'pfs_event_type', 'last_assessment_date')).toEqual({ pfs_days: 119, pfs_event: 0, pfs_event_type: null, last_assessment_date: '2024-05-06' });
  });

  it('does not count a later NE assessment as adequate', () => {
    const r = row({ patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01', '2024-03-04', '2024-05-06'], targets: { T1: { sizes: [50, 48, 'not_evaluable'] } } });
    expect([r.last_assessment_date, r.pfs_days, r.pfs_event]).toEqual(['2024-03-04', 56, 0]);
  });

  it('is censored at the origin (day 0) without any adequate follow-up', () => {
    const r = row({ patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01'], targets: { T1: { sizes: [50] } } });
    expect([r.best_overall_response, r.last_assessment_date, r.pfs_days, r.pfs_event]).toEqual(['NE', '2024-01-01', 0, 0]);
  });

  it('with death before the first follow-up: PFS and OS events at death, not at risk at the landmark', () => {
    const r = row({ patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01'], targets: { T1: { sizes: [50] } } }, { deathDate: '2024-02-13' });
    expect(pick(r, 'pfs_days', 'pfs_event', 'pfs_event_type', 'os_days', 'os_event', 'landmark_at_risk', 'landmark_response', 'landmark_os_days', 'landmark_os_event'))
      .toEqual({ pfs_days: 36, pfs_event: 1, pfs_event_type: 'death', os_days: 36, os_event: 1, landmark_at_risk: 0, landmark_response: null, landmark_os_days: null, landmark_os_event: null });
  });

  it('leaves the interval empty for an event dated before the origin (a date to correct at the source)', () => {
    const r = row(RESPONDER, { treatmentDate: '2024-08-01' });
    expect([r.pfs_days, r.pfs_event, r.pfs_event_type]).toEqual([null, null, null]);
  });
});

describe('OS', () => {
  it('ends at death', () => {
    expect(pick(row(RESPONDER, { deathDate: '2024-09-01' }), 'os_days', 'os_event')).toEqual({ os_days: 237, os_event: 1 });
  });

  it('is censored at the last known alive date', () => {
    expect(pick(row(RESPONDER, { lastKnownAliveDate: '2024-10-01' }), 'os_days', 'os_event')).toEqual({ os_days: 267, os_event: 0 });
  });

  it('is censored at the last scan read when that is later than last known alive (a scan shows the patient alive)', () => {
    expect(pick(row(RESPONDER, { lastKnownAliveDate: '2024-02-01' }), 'os_days', 'os_event')).toEqual({ os_days: 182, os_event: 0 });
    expect(pick(row(RESPONDER), 'os_days', 'os_event')).toEqual({ os_days: 182, os_event: 0 });
  });

  it('does not count a follow-up with nothing recorded yet (not read is not an assessment)', () => {
    const r = row({ ...STABLE, dates: [...STABLE.dates, '2024-09-02'] });
    expect([r.os_days, r.last_assessment_date]).toEqual([119, '2024-05-06']);
  });
});

describe('landmark (default 91 days; the clock restarts there)', () => {
  it('is at risk when alive and followed at the landmark; landmark OS counts from it', () => {
    expect(pick(row(RESPONDER, { deathDate: '2024-09-01' }), 'landmark_days', 'landmark_at_risk', 'landmark_response', 'landmark_os_days', 'landmark_os_event'))
      .toEqual({ landmark_days: 91, landmark_at_risk: 1, landmark_response: 'PR', landmark_os_days: 146, landmark_os_event: 1 });
  });

  it('is not at risk when dead before the landmark', () => {
    expect(pick(row(RESPONDER, { deathDate: '2024-03-20' }), 'landmark_at_risk', 'landmark_response', 'landmark_os_days')).toEqual({ landmark_at_risk: 0, landmark_response: null, landmark_os_days: null });
  });

  it('is not at risk when follow-up ended before the landmark (censored before it)', () => {
    const r = row({ patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01', '2024-03-04'], targets: { T1: { sizes: [50, 48] } } });
    expect([r.os_days, r.landmark_at_risk]).toEqual([56, 0]);
  });

  it('ties on the landmark day: death that day is at risk with 0 days and an event; a scan that day counts', () => {
    // Origin 2024-01-08 + 91 days = 2024-04-08.
    const spec: ReadingSpec = { patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01', '2024-02-12', '2024-04-08'], targets: { T1: { sizes: [50, 48, 30] } } };
    const r = row(spec, { deathDate: '2024-04-08' });
    expect(pick(r, 'os_days', 'landmark_at_risk', 'landmark_response', 'landmark_os_days', 'landmark_os_event'))
      .toEqual({ os_days: 91, landmark_at_risk: 1, landmark_response: 'PR', landmark_os_days: 0, landmark_os_event: 1 });
    // The same scan one day after the landmark does not count: the best response by then was SD.
    expect(row({ ...spec, dates: ['2024-01-01', '2024-02-12', '2024-04-09'] }, { lastKnownAliveDate: '2024-12-01' }).landmark_response).toBe('SD');
  });

  it('uses only what was known by the landmark: a later response does not classify the patient', () => {
    const late: ReadingSpec = { patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01', '2024-03-04', '2024-05-06'], targets: { T1: { sizes: [50, 48, 30] } } };
    const r = row(late);
    expect([r.best_overall_response, r.landmark_response]).toEqual(['PR', 'SD']);
  });

  it('gives NE when only the baseline was scanned by the landmark', () => {
    const r = row({ patient: { treatmentDate: '2024-01-08' }, dates: ['2024-01-01', '2024-06-03'], targets: { T1: { sizes: [50, 20] } } });
    expect([r.landmark_at_risk, r.landmark_response]).toEqual([1, 'NE']);
  });

  it('moves with the configured landmark', () => {
    const r = row(RESPONDER, { deathDate: '2024-09-01' }, 180);
    expect(pick(r, 'landmark_days', 'landmark_at_risk', 'landmark_response', 'landmark_os_days')).toEqual({ landmark_days: 180, landmark_at_risk: 1, landmark_response: 'PR', landmark_os_days: 57 });
    // A landmark beyond all follow-up (last scan at day 182) leaves nobody at risk.
    expect(pick(row(RESPONDER, {}, 200), 'landmark_at_risk', 'landmark_response')).toEqual({ landmark_at_risk: 0, landmark_response: null });
  });
});
