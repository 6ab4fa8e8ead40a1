// Reading the app's patient CSV for the cohort screen: the export's columns, covariates after them, and refusals
// that name the line and column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCohortCsvError } from '../../src/cohort/cohortMessages';
import { PATIENT_COLUMNS, readCohortCsv } from '../../src/cohort/patientCsv';
import { SURVIVAL_COLUMNS } from '../../src/export/survivalColumns';
import { patientCsv, table } from './fixtures';

const refusal = (text: string) => {
  const read = readCohortCsv(text);
  if (read.ok) throw new Error('expected a refusal');
  return read.error;
};

describe('readCohortCsv', () => {
  it('knows the columns the export writes (SURVIVAL_COLUMNS), so an exported file reads as the demo does', () => {
    expect([...PATIENT_COLUMNS]).toEqual([...SURVIVAL_COLUMNS]);
  });

  it('reads the committed demo cohort: 300 patients, landmark day 91, covariates after the patient columns', () => {
    const read = readCohortCsv(readFileSync(new URL('../../sample-dicom/demo-cohort.csv', import.meta.url), 'utf8'));
    if (!read.ok) throw new Error(read.error.code);
    expect(read.value.rows).toHaveLength(300);
    expect(read.value.landmarkDays).toBe(91);
    expect(read.value.covariates.map((c) => [c.name, c.kind])).toEqual([
      ['cycles', 'numeric'], ['age', 'numeric'], ['arm', 'categorical'], ['ecog', 'numeric'], ['sex', 'categorical'],
    ]);
    expect(read.value.covariates.find((c) => c.name === 'ecog')?.values).toEqual(['0', '1', '2']);
  });

  it('reads empty cells as unknown, events as booleans and responses in any case', () => {
    const t = table([{ pfs_days: '', pfs_event: '', landmark_response: 'pr', os_event: '1' }]);
    expect(t.rows[0]).toMatchObject({ line: 2, patientId: 'P1', pfsDays: null, pfsEvent: null, landmarkResponse: 'PR', osEvent: true });
  });

  it('the export\'s response_source says where a response came from: it is no covariate', () => {
    expect(table([{ response_source: 'computed', arm: 'A' }], ['response_source', 'arm']).covariates.map((c) => c.name)).toEqual(['arm']);
  });

  it('a column with no value anywhere is no covariate; a column with a word in it is categorical', () => {
    const t = table([{ empty: '', mixed: '1' }, { empty: '', mixed: 'high' }], ['empty', 'mixed']);
    expect(t.covariates).toEqual([{ name: 'mixed', kind: 'categorical', values: ['1', 'high'] }]);
  });

  it.each([
    ['a file without the export\'s columns', 'time,status\n1,0\n', 'MISSING_COLUMNS'],
    ['an empty file', '', 'EMPTY_FILE'],
    ['a header alone', `${PATIENT_COLUMNS.join(',')}\n`, 'NO_ROWS'],
    ['an open quote', `${PATIENT_COLUMNS.join(',')}\n"P1,\n`, 'CSV_SYNTAX'],
  ])('refuses %s', (_, text, code) => {
    expect(refusal(text).code).toBe(code);
  });

  it('refuses bad cells as a whole, naming each line, column and value', () => {
    const error = refusal(patientCsv([{ os_days: '-3' }, { pfs_event: 'yes', landmark_response: 'MR' }, { patient_id: '' }]));
    expect(error).toMatchObject({ code: 'BAD_CELLS', total: 4 });
    const words = describeCohortCsvError(error, 'cohort.csv');
    expect(words.title).toBe('cohort.csv cannot be analysed');
    expect(words.details).toEqual([
      'line 2, column "os_days": "-3" is not a number of days (0 or more)',
      'line 3, column "pfs_event": "yes" is not 1 (event) or 0 (censored)',
      'line 3, column "landmark_response": "MR" is not a RECIST response (CR, PR, SD, NON-CR/NON-PD, PD or NE)',
      'line 4, column "patient_id": empty is not a patient id',
    ]);
  });

  it('refuses rows measured from different landmarks', () => {
    expect(refusal(patientCsv([{ landmark_days: '91' }, { landmark_days: '182' }]))).toEqual({ code: 'MIXED_LANDMARKS', days: [91, 182] });
  });

  it('names the missing columns in words', () => {
    const words = describeCohortCsvError(refusal('patient_id,os_days\nP1,3\n'), 'x.csv');
    expect(words.message).toContain('"best_overall_response"');
    expect(words.message).not.toContain('"os_days"');
  });
});
