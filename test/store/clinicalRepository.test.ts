// Clinical data (treatment, cycles, death, last known alive, covariates): validated on every write, all or nothing.
// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importClinicalData, setClinicalData } from '../../src/store/clinicalRepository';
import { restorePatientRow } from '../../src/store/restore';
import { setTimepointExcluded } from '../../src/store/patientRepository';
import { BASELINE, PATIENT, databaseWithPatient, value } from './fixtures';

describe('setClinicalData', () => {
  it('sets, changes and removes fields; covariates merge by name', async () => {
    const db = await databaseWithPatient();
    value(await setClinicalData(db, PATIENT, { treatmentDate: '2024-01-15', treatmentCycles: 4, lastKnownAliveDate: '2024-06-01', covariates: { ecog: 1, arm: 'A' } }));
    value(await setClinicalData(db, PATIENT, { treatmentCycles: 6, lastKnownAliveDate: null, covariates: { arm: null, stage: 'IV' } }));
    expect(await db.patients.get(PATIENT)).toEqual({ id: PATIENT, name: 'Doe^Jane', treatmentDate: '2024-01-15', treatmentCycles: 6, covariates: { ecog: 1, stage: 'IV' } });
    value(await setClinicalData(db, PATIENT, { covariates: { ecog: null, stage: null } }));
    expect(await db.patients.get(PATIENT)).not.toHaveProperty('covariates');
  });

  it.each([
    ['a date that is not YYYY-MM-DD', { deathDate: '2024-13-01' }, [{ code: 'NOT_A_DATE', column: 'death_date', value: '2024-13-01' }]],
    ['negative cycles', { treatmentCycles: -1 }, [{ code: 'NOT_A_COUNT', column: 'cycles', value: '-1' }]],
    ['fractional cycles', { treatmentCycles: 2.5 }, [{ code: 'NOT_A_COUNT', column: 'cycles', value: '2.5' }]],
    ['death before the baseline scan (2024-01-10)', { deathDate: '2024-01-09' }, [{ code: 'DEATH_BEFORE_BASELINE', column: 'death_date', value: '2024-01-09', limit: '2024-01-10' }]],
    ['last known alive after death', { deathDate: '2024-05-01', lastKnownAliveDate: '2024-05-02' }, [{ code: 'LAST_ALIVE_AFTER_DEATH', column: 'last_alive_date', value: '2024-05-02', limit: '2024-05-01' }]],
    ['a covariate name with a space', { covariates: { 'ECOG PS': 1 } }, [{ code: 'BAD_COVARIATE_NAME', column: 'ECOG PS', value: 'ECOG PS' }]],
    ['a covariate named like an export column', { covariates: { OS_days: 1 } }, [{ code: 'RESERVED_COVARIATE_NAME', column: 'OS_days', value: 'OS_days' }]],
    ['a covariate that is not a finite number', { covariates: { ecog: Number.NaN } }, [{ code: 'BAD_COVARIATE_VALUE', column: 'ecog', value: 'NaN' }]],
  ])('refuses %s and writes nothing', async (_what, changes, problems) => {
    const db = await databaseWithPatient();
    const before = await db.patients.get(PATIENT);
    expect(await setClinicalData(db, PATIENT, changes)).toEqual({ ok: false, error: { code: 'CLINICAL_DATA_INVALID', problems } });
    expect(await db.patients.get(PATIENT)).toEqual(before);
  });

  it('allows death on the baseline day, and judges the baseline by included time points only', async () => {
    const db = await databaseWithPatient();
    value(await setClinicalData(db, PATIENT, { deathDate: '2024-01-10' }));
    // With the baseline study excluded, the follow-up of 2024-04-10 is the baseline.
    value(await setTimepointExcluded(db, BASELINE, true));
    expect((await setClinicalData(db, PATIENT, { deathDate: '2024-02-01' })).ok).toBe(false);
  });

  it('refuses an unknown patient', async () => {
    const db = await databaseWithPatient();
    expect(await setClinicalData(db, 'nobody', { treatmentCycles: 1 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', table: 'patients', id: 'nobody' } });
  });

  it('writes rows the restore step reads back', async () => {
    const db = await databaseWithPatient();
    const row = value(await setClinicalData(db, PATIENT, { treatmentDate: '2024-01-15', treatmentCycles: 0, deathDate: '2024-08-01', lastKnownAliveDate: '2024-07-01', covariates: { ecog: 2, arm: 'B' } }));
    expect(restorePatientRow(row)).toEqual({ ok: true, value: row });
    expect(restorePatientRow({ ...row, treatmentCycles: 1.5 }).ok).toBe(false);
    expect(restorePatientRow({ ...row, covariates: { 'bad name': 1 } }).ok).toBe(false);
    expect(restorePatientRow({ ...row, deathDate: 'soon' }).ok).toBe(false);
  });
});

describe('importClinicalData', () => {
  it('updates every listed patient in one go', async () => {
    const db = await databaseWithPatient();
    expect(value(await importClinicalData(db, [{ line: 2, patientId: PATIENT, changes: { treatmentCycles: 3, covariates: { ecog: 0 } } }]))).toEqual({ updated: 1 });
    expect(await db.patients.get(PATIENT)).toMatchObject({ treatmentCycles: 3, covariates: { ecog: 0 } });
  });

  it('writes nothing when any line is wrong, and names each line', async () => {
    const db = await databaseWithPatient();
    const before = await db.patients.toArray();
    const result = await importClinicalData(db, [
      { line: 2, patientId: PATIENT, changes: { treatmentCycles: 3 } },
      { line: 3, patientId: 'P9', changes: { treatmentCycles: 1 } },
      { line: 4, patientId: PATIENT, changes: { deathDate: '2023-01-01' } },
    ]);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CLINICAL_DATA_INVALID',
        problems: [
          { code: 'UNKNOWN_PATIENT', line: 3, column: 'patient_id', value: 'P9' },
          { code: 'DEATH_BEFORE_BASELINE', line: 4, column: 'death_date', value: '2023-01-01', limit: '2024-01-10' },
        ],
      },
    });
    expect(await db.patients.toArray()).toEqual(before);
  });
});
