// While a time point is signed off, nothing recorded at it may change; every write path is tried against the lock.
// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/result';
import type { RecistDatabase } from '../../src/store/database';
import { clearFinding, setFinding } from '../../src/store/findingRepository';
import { createLesion, deleteLesion, updateLesion } from '../../src/store/lesionRepository';
import { deleteMeasurement, putMeasurement, restoreMeasurement } from '../../src/store/measurementRepository';
import { setTimepointExcluded, setTreatmentDate } from '../../src/store/patientRepository';
import { signOffTimepoint, unlockTimepoint } from '../../src/store/signOffRepository';
import type { StoreError } from '../../src/store/storeError';
import type { LesionRow, MeasurementRow } from '../../src/tracking/types';
import { BASELINE, FOLLOW_UP, PATIENT, SIGN_OFF, databaseWithPatient, failure, lesion, measurement, value } from './fixtures';

interface Scene {
  readonly db: RecistDatabase;
  readonly target: LesionRow;
  readonly nonTarget: LesionRow;
  readonly measured: MeasurementRow;
}

/** Lesions measured and judged at the follow-up, which is then signed off. */
async function lockedFollowUp(): Promise<Scene> {
  const db = await databaseWithPatient();
  const target = await lesion(db);
  const nonTarget = await lesion(db, { category: 'non-target' });
  const measured = measurement(target, FOLLOW_UP);
  value(await putMeasurement(db, measured, { replaceOthers: true }));
  value(await setFinding(db, { lesionId: nonTarget.id, studyInstanceUid: FOLLOW_UP, state: 'present' }));
  value(await signOffTimepoint(db, FOLLOW_UP, SIGN_OFF));
  return { db, target, nonTarget, measured };
}

const WRITES: [string, (s: Scene) => Promise<Result<unknown, StoreError>>][] = [
  ['putMeasurement (new)', (s) => putMeasurement(s.db, measurement(s.target, FOLLOW_UP), { replaceOthers: false })],
  ['putMeasurement (edit)', (s) => putMeasurement(s.db, { ...s.measured, updatedAt: 'later' }, { replaceOthers: false })],
  ['deleteMeasurement', (s) => deleteMeasurement(s.db, s.measured.id)],
  ['restoreMeasurement (to none)', (s) => restoreMeasurement(s.db, s.measured.id, undefined)],
  ['setFinding', (s) => setFinding(s.db, { lesionId: s.nonTarget.id, studyInstanceUid: FOLLOW_UP, state: 'progression' })],
  ['clearFinding', (s) => clearFinding(s.db, s.nonTarget.id, FOLLOW_UP)],
  ['createLesion first recorded there', (s) => createLesion(s.db, { patientId: PATIENT, category: 'new', organ: 'bone', location: 'L2', firstStudyInstanceUid: FOLLOW_UP })],
  ['updateLesion of a lesion recorded there', (s) => updateLesion(s.db, s.target.id, { organ: 'lymph node' })],
  ['deleteLesion of a lesion recorded there', (s) => deleteLesion(s.db, s.nonTarget.id)],
  ['setTimepointExcluded', (s) => setTimepointExcluded(s.db, FOLLOW_UP, true)],
  ['signOffTimepoint again', (s) => signOffTimepoint(s.db, FOLLOW_UP, { ...SIGN_OFF, reader: 'someone else' })],
];

describe('a signed-off time point is locked', () => {
  it.each(WRITES)('%s returns TIMEPOINT_LOCKED and changes nothing', async (_name, write) => {
    const scene = await lockedFollowUp();
    const before = await Promise.all([scene.db.lesions.toArray(), scene.db.findings.toArray(), scene.db.measurements.toArray(), scene.db.timepoints.toArray()]);
    expect(failure(await write(scene))).toEqual({ code: 'TIMEPOINT_LOCKED', studyInstanceUid: FOLLOW_UP });
    const after = await Promise.all([scene.db.lesions.toArray(), scene.db.findings.toArray(), scene.db.measurements.toArray(), scene.db.timepoints.toArray()]);
    expect(after).toEqual(before);
  });

  it.each(WRITES)('%s succeeds again after unlockTimepoint', async (_name, write) => {
    const scene = await lockedFollowUp();
    value(await unlockTimepoint(scene.db, FOLLOW_UP));
    const result = await write(scene);
    expect(result.ok ? 'ok' : result.error).toBe('ok');
  });

  it('keeps the other time points and the treatment date editable', async () => {
    const scene = await lockedFollowUp();
    value(await setTreatmentDate(scene.db, PATIENT, '2024-01-01'));
    const atBaseline = value(await createLesion(scene.db, { patientId: PATIENT, category: 'non-target', organ: 'lung', location: '', firstStudyInstanceUid: BASELINE }));
    value(await setFinding(scene.db, { lesionId: atBaseline.id, studyInstanceUid: BASELINE, state: 'not_evaluable' }));
    expect((await scene.db.findings.get(`${atBaseline.id}|${BASELINE}`))?.state).toBe('not_evaluable');
  });
});

describe('signOffTimepoint and unlockTimepoint', () => {
  it('stores the sign-off as given and unlock removes it', async () => {
    const db = await databaseWithPatient();
    expect(value(await signOffTimepoint(db, FOLLOW_UP, SIGN_OFF)).signOff).toEqual(SIGN_OFF);
    expect((await db.timepoints.get(FOLLOW_UP))?.signOff).toEqual(SIGN_OFF);
    value(await unlockTimepoint(db, FOLLOW_UP));
    expect(await db.timepoints.get(FOLLOW_UP)).not.toHaveProperty('signOff');
  });

  it('refuses a malformed sign-off and an unknown time point', async () => {
    const db = await databaseWithPatient();
    const bad = { ...SIGN_OFF, at: '' };
    expect(failure(await signOffTimepoint(db, FOLLOW_UP, bad))).toMatchObject({ code: 'INVALID', reason: 'MALFORMED_INPUT' });
    expect(failure(await signOffTimepoint(db, 'nope', SIGN_OFF)).code).toBe('NOT_FOUND');
    expect(failure(await unlockTimepoint(db, 'nope')).code).toBe('NOT_FOUND');
  });
});
