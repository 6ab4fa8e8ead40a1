// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ensurePatient, setTimepointExcluded, setTreatmentDate } from '../../src/store/patientRepository';
import { signOffTimepoint } from '../../src/store/signOffRepository';
import { BASELINE, FOLLOW_UP, PATIENT, SIGN_OFF, databaseWithPatient, failure, freshDatabase, value } from './fixtures';

describe('ensurePatient', () => {
  it('creates the patient and one time point per study, included and unsigned', async () => {
    const db = await databaseWithPatient();
    expect(await db.patients.get(PATIENT)).toEqual({ id: PATIENT, name: 'Doe^Jane' });
    const timepoints = await db.timepoints.where('patientId').equals(PATIENT).sortBy('studyDate');
    expect(timepoints.map((t) => [t.studyInstanceUid, t.studyDate, t.excluded, t.signOff])).toEqual([
      [BASELINE, '2024-01-10', false, undefined],
      [FOLLOW_UP, '2024-04-10', false, undefined],
    ]);
  });

  it('never overwrites the reader\'s sign-off, exclusion or treatment date when the files are opened again', async () => {
    const db = await databaseWithPatient();
    value(await setTreatmentDate(db, PATIENT, '2024-01-20'));
    value(await setTimepointExcluded(db, FOLLOW_UP, true));
    value(await signOffTimepoint(db, BASELINE, SIGN_OFF));
    value(await ensurePatient(db, {
      id: PATIENT,
      name: 'Doe^Jane^M',
      studies: [
        { studyInstanceUid: BASELINE, studyDate: '2024-01-10', studyDescription: 'renamed' },
        { studyInstanceUid: FOLLOW_UP, studyDate: '2024-04-10', studyDescription: 'CT' },
      ],
    }));
    expect(await db.patients.get(PATIENT)).toEqual({ id: PATIENT, name: 'Doe^Jane^M', treatmentDate: '2024-01-20' });
    expect((await db.timepoints.get(BASELINE))?.signOff).toEqual(SIGN_OFF);
    expect((await db.timepoints.get(BASELINE))?.studyDescription).toBe('renamed');
    expect((await db.timepoints.get(FOLLOW_UP))?.excluded).toBe(true);
  });

  it('opening the same files again writes nothing (counted through Dexie\'s own hooks); a changed description writes its row', async () => {
    const db = await databaseWithPatient();
    const writes: string[] = [];
    for (const table of db.tables) {
      table.hook('creating', () => { writes.push(`create ${table.name}`); });
      table.hook('updating', () => { writes.push(`update ${table.name}`); });
      table.hook('deleting', () => { writes.push(`delete ${table.name}`); });
    }
    const studies = [
      { studyInstanceUid: BASELINE, studyDate: '2024-01-10', studyDescription: 'CT chest abdomen' },
      { studyInstanceUid: FOLLOW_UP, studyDate: '2024-04-10', studyDescription: 'CT chest abdomen' },
    ];
    for (let i = 0; i < 10; i++) value(await ensurePatient(db, { id: PATIENT, name: 'Doe^Jane', studies }));
    expect(writes).toEqual([]);
    value(await ensurePatient(db, { id: PATIENT, name: 'Doe^Jane', studies: [{ ...studies[0]!, studyDescription: 'CT thorax' }, studies[1]!] }));
    expect(writes).toEqual(['update timepoints']);
  });

  it('adds a new study of a known patient as a new time point', async () => {
    const db = await databaseWithPatient();
    value(await ensurePatient(db, { id: PATIENT, name: 'Doe^Jane', studies: [{ studyInstanceUid: '9.9', studyDate: '2024-07-01', studyDescription: '' }] }));
    expect(await db.timepoints.where('patientId').equals(PATIENT).count()).toBe(3);
  });

  it('leaves a study that already belongs to another patient with that patient, and says so; the new patient and its other studies are recorded', async () => {
    const db = await databaseWithPatient();
    const before = await db.timepoints.get(BASELINE);
    const ensured = value(await ensurePatient(db, {
      id: 'P2',
      name: 'Roe',
      studies: [
        { studyInstanceUid: BASELINE, studyDate: '2024-01-10', studyDescription: 'relabelled' },
        { studyInstanceUid: '7.7', studyDate: '2024-02-02', studyDescription: '' },
      ],
    }));
    expect(ensured.clashes).toEqual([{ studyInstanceUid: BASELINE, recordedPatientId: PATIENT, filePatientId: 'P2' }]);
    expect(ensured.patient).toEqual({ id: 'P2', name: 'Roe' });
    expect(await db.timepoints.get(BASELINE)).toEqual(before);
    expect((await db.timepoints.where('patientId').equals('P2').toArray()).map((t) => t.studyInstanceUid)).toEqual(['7.7']);
    expect(await db.timepoints.where('patientId').equals(PATIENT).count()).toBe(2);
  });

  it.each([
    ['an empty patient id', { id: '', name: 'x', studies: [] }],
    ['a study date that is not YYYY-MM-DD', { id: 'P3', name: 'x', studies: [{ studyInstanceUid: '1', studyDate: '20240110', studyDescription: '' }] }],
    ['an empty StudyInstanceUID', { id: 'P3', name: 'x', studies: [{ studyInstanceUid: '', studyDate: '2024-01-10', studyDescription: '' }] }],
  ])('refuses %s as MALFORMED_INPUT', async (_what, input) => {
    const db = freshDatabase();
    expect(failure(await ensurePatient(db, input))).toMatchObject({ code: 'INVALID', reason: 'MALFORMED_INPUT' });
    expect(await db.patients.count()).toBe(0);
  });
});

describe('setTreatmentDate', () => {
  it('sets the date and removes it again with undefined', async () => {
    const db = await databaseWithPatient();
    expect(value(await setTreatmentDate(db, PATIENT, '2024-01-05')).treatmentDate).toBe('2024-01-05');
    value(await setTreatmentDate(db, PATIENT, undefined));
    expect(await db.patients.get(PATIENT)).not.toHaveProperty('treatmentDate');
  });

  it('refuses an impossible date and an unknown patient', async () => {
    const db = await databaseWithPatient();
    expect(failure(await setTreatmentDate(db, PATIENT, '2024-02-30'))).toMatchObject({ code: 'INVALID', reason: 'MALFORMED_INPUT' });
    expect(failure(await setTreatmentDate(db, 'nobody', '2024-02-01'))).toEqual({ code: 'NOT_FOUND', table: 'patients', id: 'nobody' });
  });
});

describe('setTimepointExcluded', () => {
  it('excludes and includes a time point', async () => {
    const db = await databaseWithPatient();
    value(await setTimepointExcluded(db, FOLLOW_UP, true));
    expect((await db.timepoints.get(FOLLOW_UP))?.excluded).toBe(true);
    value(await setTimepointExcluded(db, FOLLOW_UP, false));
    expect((await db.timepoints.get(FOLLOW_UP))?.excluded).toBe(false);
  });

  it('is refused while the time point is signed off, and for an unknown study', async () => {
    const db = await databaseWithPatient();
    value(await signOffTimepoint(db, FOLLOW_UP, SIGN_OFF));
    expect(failure(await setTimepointExcluded(db, FOLLOW_UP, true))).toEqual({ code: 'TIMEPOINT_LOCKED', studyInstanceUid: FOLLOW_UP });
    expect((await db.timepoints.get(FOLLOW_UP))?.excluded).toBe(false);
    expect(failure(await setTimepointExcluded(db, 'nope', true)).code).toBe('NOT_FOUND');
  });
});
