// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LesionCategory } from '../../src/recist/types';
import { setFinding } from '../../src/store/findingRepository';
import { createLesion, deleteLesion, updateLesion } from '../../src/store/lesionRepository';
import { putMeasurement } from '../../src/store/measurementRepository';
import { ensurePatient } from '../../src/store/patientRepository';
import { signOffTimepoint } from '../../src/store/signOffRepository';
import type { Organ } from '../../src/tracking/types';
import { BASELINE, FOLLOW_UP, PATIENT, SIGN_OFF, databaseWithPatient, failure, findingState, lesion, measurement, value } from './fixtures';

describe('createLesion', () => {
  it.each<[LesionCategory, string[]]>([
    ['target', ['T1', 'T2', 'T3']],
    ['non-target', ['NT1', 'NT2', 'NT3']],
    ['new', ['N1', 'N2', 'N3']],
  ])('labels %s lesions of a patient in order: %j', async (category, labels) => {
    const db = await databaseWithPatient();
    const made = [];
    for (let i = 0; i < 3; i += 1) made.push(await lesion(db, { category }));
    expect(made.map((l) => l.label)).toEqual(labels);
  });

  it('gives the lowest free label: after T2 is deleted the next target is T2 again', async () => {
    const db = await databaseWithPatient();
    await lesion(db);
    const t2 = await lesion(db);
    await lesion(db);
    value(await deleteLesion(db, t2.id));
    expect((await lesion(db)).label).toBe('T2');
  });

  it('numbers each patient\'s lesions separately', async () => {
    const db = await databaseWithPatient();
    await lesion(db);
    value(await ensurePatient(db, { id: 'P2', name: 'Roe', studies: [{ studyInstanceUid: '7.7', studyDate: '2024-02-02', studyDescription: '' }] }));
    expect((await lesion(db, { patientId: 'P2', firstStudyInstanceUid: '7.7' })).label).toBe('T1');
  });

  it.each<[Organ, boolean]>([['lymph node', true], ['liver', false], ['lung', false]])(
    'makes the lesion nodal exactly when the organ is a lymph node: %s -> %s',
    async (organ, nodal) => {
      const db = await databaseWithPatient();
      expect((await lesion(db, { organ })).nodal).toBe(nodal);
    },
  );

  it.each<[LesionCategory, string | undefined]>([['target', undefined], ['non-target', 'present'], ['new', 'unequivocal']])(
    'records a %s lesion\'s first finding as %s',
    async (category, state) => {
      const db = await databaseWithPatient();
      const made = await lesion(db, { category });
      expect(await findingState(db, made.id, BASELINE)).toBe(state);
      expect(await db.findings.where('lesionId').equals(made.id).count()).toBe(state === undefined ? 0 : 1);
    },
  );

  it('gives every lesion its own random id and keeps the fields it was given', async () => {
    const db = await databaseWithPatient();
    const a = await lesion(db, { location: 'hilum' });
    const b = await lesion(db);
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await db.lesions.get(a.id)).toEqual(a);
    expect(a).toMatchObject({ patientId: PATIENT, location: 'hilum', firstStudyInstanceUid: BASELINE });
  });

  it('refuses an unknown patient, an unknown study, another patient\'s study and an unknown organ', async () => {
    const db = await databaseWithPatient();
    value(await ensurePatient(db, { id: 'P2', name: 'Roe', studies: [{ studyInstanceUid: '7.7', studyDate: '2024-02-02', studyDescription: '' }] }));
    const base = { patientId: PATIENT, category: 'target', organ: 'liver', location: '', firstStudyInstanceUid: BASELINE } as const;
    expect(failure(await createLesion(db, { ...base, patientId: 'nobody' }))).toEqual({ code: 'NOT_FOUND', table: 'patients', id: 'nobody' });
    expect(failure(await createLesion(db, { ...base, firstStudyInstanceUid: '0.0' }))).toEqual({ code: 'NOT_FOUND', table: 'timepoints', id: '0.0' });
    expect(failure(await createLesion(db, { ...base, firstStudyInstanceUid: '7.7' }))).toMatchObject({ code: 'INVALID', reason: 'PATIENT_MISMATCH' });
    expect(failure(await createLesion(db, { ...base, organ: 'heart' as Organ }))).toMatchObject({ code: 'INVALID', reason: 'MALFORMED_INPUT' });
    expect(await db.lesions.count()).toBe(0);
  });
});

describe('updateLesion', () => {
  it('keeps nodal in step with the organ', async () => {
    const db = await databaseWithPatient();
    const made = await lesion(db, { organ: 'liver' });
    expect(value(await updateLesion(db, made.id, { organ: 'lymph node' })).nodal).toBe(true);
    expect((await db.lesions.get(made.id))?.nodal).toBe(true);
    expect(value(await updateLesion(db, made.id, { organ: 'lung' })).nodal).toBe(false);
  });

  it('changes the location and keeps the label when the category stays', async () => {
    const db = await databaseWithPatient();
    const made = await lesion(db);
    const updated = value(await updateLesion(db, made.id, { location: 'segment IVa' }));
    expect(updated).toMatchObject({ label: 'T1', location: 'segment IVa', organ: 'liver' });
  });

  it('relabels a lesion whose category changes with the next free label of the new category', async () => {
    const db = await databaseWithPatient();
    await lesion(db, { category: 'non-target' });
    const t1 = await lesion(db);
    expect(value(await updateLesion(db, t1.id, { category: 'non-target' })).label).toBe('NT2');
    expect((await lesion(db)).label).toBe('T1');
  });

  it('translates findings on a category change: a measured target becomes a present non-target', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await putMeasurement(db, measurement(t1, BASELINE), { replaceOthers: true }));
    value(await setFinding(db, { lesionId: t1.id, studyInstanceUid: FOLLOW_UP, state: 'absent' }));
    value(await updateLesion(db, t1.id, { category: 'non-target' }));
    expect(await findingState(db, t1.id, BASELINE)).toBe('present');
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('absent');
  });

  it('drops a finding without an equivalent on a category change: an unmeasured progressing non-target becomes a not-assessed target', async () => {
    const db = await databaseWithPatient();
    const nt = await lesion(db, { category: 'non-target' });
    value(await setFinding(db, { lesionId: nt.id, studyInstanceUid: FOLLOW_UP, state: 'progression' }));
    value(await updateLesion(db, nt.id, { category: 'target' }));
    expect(await findingState(db, nt.id, FOLLOW_UP)).toBeUndefined();
    expect(await findingState(db, nt.id, BASELINE)).toBeUndefined();
  });

  it('makes a non-target with a measurement a measured target', async () => {
    const db = await databaseWithPatient();
    const nt = await lesion(db, { category: 'non-target', organ: 'lymph node' });
    value(await putMeasurement(db, measurement(nt, BASELINE), { replaceOthers: true }));
    value(await updateLesion(db, nt.id, { category: 'target' }));
    expect(await findingState(db, nt.id, BASELINE)).toBe('measured');
  });

  it('removes merges into a target that stops being a target', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const t2 = await lesion(db);
    value(await setFinding(db, { lesionId: t1.id, studyInstanceUid: FOLLOW_UP, state: 'merged', mergedIntoLesionId: t2.id }));
    value(await updateLesion(db, t2.id, { category: 'non-target' }));
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBeUndefined();
  });

  it('is refused (TIMEPOINT_LOCKED) when any time point the lesion is recorded at is signed off', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await putMeasurement(db, measurement(t1, FOLLOW_UP), { replaceOthers: true }));
    value(await signOffTimepoint(db, FOLLOW_UP, SIGN_OFF));
    expect(failure(await updateLesion(db, t1.id, { organ: 'lymph node' }))).toEqual({ code: 'TIMEPOINT_LOCKED', studyInstanceUid: FOLLOW_UP });
    expect((await db.lesions.get(t1.id))?.organ).toBe('liver');
  });

  it('returns NOT_FOUND for an unknown lesion', async () => {
    const db = await databaseWithPatient();
    expect(failure(await updateLesion(db, 'x', { location: 'y' }))).toEqual({ code: 'NOT_FOUND', table: 'lesions', id: 'x' });
  });
});

describe('deleteLesion', () => {
  it('deletes the lesion with its findings and measurements, and nothing of other lesions', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const t2 = await lesion(db);
    for (const l of [t1, t2]) {
      value(await putMeasurement(db, measurement(l, BASELINE), { replaceOthers: true }));
      value(await putMeasurement(db, measurement(l, FOLLOW_UP), { replaceOthers: true }));
    }
    value(await deleteLesion(db, t1.id));
    expect(await db.lesions.get(t1.id)).toBeUndefined();
    expect(await db.findings.where('lesionId').equals(t1.id).count()).toBe(0);
    expect(await db.measurements.where('lesionId').equals(t1.id).count()).toBe(0);
    expect(await db.findings.where('lesionId').equals(t2.id).count()).toBe(2);
    expect(await db.measurements.where('lesionId').equals(t2.id).count()).toBe(2);
  });

  it('removes other targets\' merges into the deleted lesion', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const t2 = await lesion(db);
    value(await setFinding(db, { lesionId: t1.id, studyInstanceUid: FOLLOW_UP, state: 'merged', mergedIntoLesionId: t2.id }));
    value(await deleteLesion(db, t2.id));
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBeUndefined();
  });

  it('is refused while a time point the lesion was first recorded at is signed off', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await signOffTimepoint(db, BASELINE, SIGN_OFF));
    expect(failure(await deleteLesion(db, t1.id)).code).toBe('TIMEPOINT_LOCKED');
    expect(await db.lesions.get(t1.id)).toBeDefined();
  });
});
