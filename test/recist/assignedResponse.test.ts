// Reader-assigned overall responses (issue: readings from radiology reports): the engine takes them as the time
// point's overall response for best overall response, confirmation, the SD minimum and the progression date, and
// says so; computed and assigned time points mix in one patient.
import { describe, expect, it } from 'vitest';
import { assessPatient } from '../../src/recist/assessPatient';
import { DEFAULT_ASSESS_OPTIONS, type AssignedOverallResponse, type PatientRecord, type TimepointRecord } from '../../src/recist/types';
import { mmToMicrometres } from '../../src/recist/units';
import { addDays } from '../../src/shared/isoDate';

const BASELINE = '2022-01-03';

/** A time point `days` after baseline: one liver target of `mm`, or an assigned response. */
function tp(days: number, what: number | { assigned: AssignedOverallResponse }): TimepointRecord {
  const base = { label: `day ${days}`, scanDate: addDays(BASELINE, days), nonTargets: [], newLesions: [] };
  if (typeof what === 'number') {
    return { ...base, targets: [{ lesionId: 'T1', organ: 'liver', nodal: false, fragments: [{ state: 'measured', diameter: mmToMicrometres(what) }] }] };
  }
  return { ...base, targets: [], assigned: { response: what.assigned, reason: `report at day ${days}` } };
}
const record = (...timepoints: TimepointRecord[]): PatientRecord => ({ patientId: 'P1', timepoints });
const CONFIRM = { ...DEFAULT_ASSESS_OPTIONS, confirm: true };

describe('assigned overall responses', () => {
  it('an assigned PR is the time point\'s overall response, marked as assigned, with the quoted reason', () => {
    const result = assessPatient(record(tp(0, 30), tp(56, { assigned: 'PR' })), DEFAULT_ASSESS_OPTIONS);
    const followUp = result.timepoints[1];
    expect(followUp?.overallResponse).toBe('PR');
    expect(followUp?.responseSource).toBe('assigned');
    expect(followUp?.targetResponse).toBeNull();
    expect(followUp?.explanation).toBe('PR (assigned by the reader from the report: "report at day 56")');
    expect(result.timepoints[0]?.responseSource).toBeNull();
    expect(result.bestOverallResponse).toBe('PR');
  });

  it('computed time points say they are computed', () => {
    const result = assessPatient(record(tp(0, 30), tp(56, 20)), DEFAULT_ASSESS_OPTIONS);
    expect(result.timepoints[1]?.responseSource).toBe('computed');
  });

  it.each([
    ['an assigned PR confirmed by a computed PR 56 days later', [tp(56, { assigned: 'PR' }), tp(112, 20)], 'PR'],
    ['a computed PR confirmed by an assigned PR', [tp(56, 20), tp(112, { assigned: 'PR' })], 'PR'],
    ['an assigned PR followed by SD is unconfirmed: SD', [tp(56, { assigned: 'PR' }), tp(112, 26)], 'SD'],
    ['an assigned PR alone is unconfirmed: SD', [tp(56, { assigned: 'PR' })], 'SD'],
  ])('confirmation: %s', (_rule, followUps, best) => {
    expect(assessPatient(record(tp(0, 30), ...followUps), CONFIRM).bestOverallResponse).toBe(best);
  });

  it.each([
    ['before the SD minimum (day 30 < 42): not SD', 30, 'NE'],
    ['after the SD minimum (day 60): SD', 60, 'SD'],
  ])('an assigned SD %s', (_rule, day, best) => {
    expect(assessPatient(record(tp(0, 30), tp(day, { assigned: 'SD' })), DEFAULT_ASSESS_OPTIONS).bestOverallResponse).toBe(best);
  });

  it('an assigned PD sets the progression date and ends the best response there', () => {
    const result = assessPatient(record(tp(0, 30), tp(56, 20), tp(112, { assigned: 'PD' }), tp(168, 10)), DEFAULT_ASSESS_OPTIONS);
    expect(result.progressionDate).toBe(addDays(BASELINE, 112));
    expect(result.bestOverallResponse).toBe('PR');
  });

  it('an assigned time point leaves the nadir to the measured ones around it', () => {
    // 30 -> assigned SD -> 24 (PR? -20 %: no, SD) -> 30 (+25 % over the nadir 24 and +6 mm: PD)
    const result = assessPatient(record(tp(0, 30), tp(56, { assigned: 'SD' }), tp(112, 24), tp(168, 30)), DEFAULT_ASSESS_OPTIONS);
    expect(result.timepoints.map((t) => [t.overallResponse, t.responseSource])).toEqual([
      [null, null], ['SD', 'assigned'], ['SD', 'computed'], ['PD', 'computed'],
    ]);
    expect(result.timepoints[3]?.nadirSum).toBe(24_000);
    expect(result.timepoints[2]?.nadirSum).toBe(30_000);
  });

  it('a patient recorded only from reports, with no measurable baseline, gets its best response from the assignments', () => {
    const noNumbers: TimepointRecord = { label: 'baseline', scanDate: BASELINE, targets: [], nonTargets: [], newLesions: [] };
    const result = assessPatient(record(noNumbers, tp(56, { assigned: 'SD' }), tp(112, { assigned: 'PD' })), DEFAULT_ASSESS_OPTIONS);
    expect(result.bestOverallResponse).toBe('SD');
    expect(result.progressionDate).toBe(addDays(BASELINE, 112));
  });

  it('a baseline cannot carry an assigned response: the input reader must refuse it, so the engine throws', () => {
    const assignedBaseline: TimepointRecord = { ...tp(0, 30), assigned: { response: 'SD', reason: 'x' } };
    expect(() => assessPatient(record(assignedBaseline, tp(56, 20)), DEFAULT_ASSESS_OPTIONS)).toThrow(/baseline/);
  });
});
