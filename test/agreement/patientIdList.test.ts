// A cohort set to double read from a CSV of patient ids: a patient_id column, or one id per line; refusals in words.
import { describe, expect, it } from 'vitest';
import { readPatientIdList } from '../../src/agreement/patientIdList';

describe('readPatientIdList', () => {
  it('takes the patient_id column of a wider file (a survival export), each id once', () => {
    expect(readPatientIdList('best_overall_response,patient_id\nPR,P1\nSD, P2 \nPD,P1\n')).toEqual({ ok: true, ids: ['P1', 'P2'] });
  });

  it('takes a file of one id per line, with or without its header', () => {
    expect(readPatientIdList('P1\nP2\n\nP3')).toEqual({ ok: true, ids: ['P1', 'P2', 'P3'] });
    expect(readPatientIdList('Patient_ID\r\nP1\r\n')).toEqual({ ok: true, ids: ['P1'] });
  });

  it('refuses a wide file without a patient_id column, and a file without ids, saying what to give', () => {
    const wide = readPatientIdList('id_no,arm\n1,A\n');
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.message).toContain('name the column of patient ids patient_id');
    const empty = readPatientIdList('patient_id\n\n');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.message).toContain('no patient was set to double read');
    expect(readPatientIdList('').ok).toBe(false);
  });
});
