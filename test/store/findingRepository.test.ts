// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LesionCategory } from '../../src/recist/types';
import { clearFinding, getFinding, restoreFinding, setFinding } from '../../src/store/findingRepository';
import { putMeasurement } from '../../src/store/measurementRepository';
import { ensurePatient } from '../../src/store/patientRepository';
import { signOffTimepoint } from '../../src/store/signOffRepository';
import type { FindingState } from '../../src/tracking/types';
import { BASELINE, FOLLOW_UP, PATIENT, SIGN_OFF, databaseWithPatient, failure, findingState, lesion, measurement, value } from './fixtures';

const ALL: FindingState[] = ['measured', 'too_small', 'absent', 'not_evaluable', 'merged', 'present', 'progression', 'unequivocal', 'equivocal'];
const ALLOWED: Record<LesionCategory, FindingState[]> = {
  target: ['too_small', 'absent', 'not_evaluable'],
  'non-target': ['present', 'absent', 'progression', 'not_evaluable'],
  new: ['unequivocal', 'equivocal'],
};
const REFUSED: Record<LesionCategory, FindingState[]> = {
  target: ['present', 'progression', 'unequivocal', 'equivocal'],
  'non-target': ['measured', 'too_small', 'merged', 'unequivocal', 'equivocal'],
  new: ['measured', 'too_small', 'absent', 'not_evaluable', 'merged', 'present', 'progression'],
};

describe('setFinding: the state must belong to the lesion\'s category', () => {
  it('the tables below cover every state for every category', () => {
    for (const category of ['target', 'non-target', 'new'] as const) {
      const covered = [...ALLOWED[category], ...REFUSED[category], ...(category === 'target' ? ['measured', 'merged'] : [])];
      expect(new Set(covered)).toEqual(new Set(ALL));
    }
  });

  const allowed = Object.entries(ALLOWED).flatMap(([c, states]) => states.map((s) => [c as LesionCategory, s] as const));
  it.each(allowed)('a %s lesion can be recorded as %s', async (category, state) => {
    const db = await databaseWithPatient();
    const made = await lesion(db, { category });
    const finding = value(await setFinding(db, { lesionId: made.id, studyInstanceUid: FOLLOW_UP, state }));
    expect(finding).toMatchObject({ id: `${made.id}|${FOLLOW_UP}`, patientId: PATIENT, state });
    expect(await findingState(db, made.id, FOLLOW_UP)).toBe(state);
  });

  const refused = Object.entries(REFUSED).flatMap(([c, states]) => states.map((s) => [c as LesionCategory, s] as const));
  it.each(refused)('a %s lesion cannot be recorded as %s (STATE_NOT_IN_CATEGORY)', async (category, state) => {
    const db = await databaseWithPatient();
    const made = await lesion(db, { category });
    expect(failure(await setFinding(db, { lesionId: made.id, studyInstanceUid: FOLLOW_UP, state }))).toMatchObject({ code: 'INVALID', reason: 'STATE_NOT_IN_CATEGORY' });
    expect(await findingState(db, made.id, FOLLOW_UP)).toBeUndefined();
  });
});

describe('setFinding: measured and merged targets', () => {
  it('refuses measured by hand for a target without a measurement', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    expect(failure(await setFinding(db, { lesionId: t1.id, studyInstanceUid: FOLLOW_UP, state: 'measured' }))).toMatchObject({ reason: 'MEASURED_WITHOUT_MEASUREMENT' });
  });

  it('refuses another state for a target that has a measurement at that time point', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await putMeasurement(db, measurement(t1, FOLLOW_UP), { replaceOthers: true }));
    expect(failure(await setFinding(db, { lesionId: t1.id, studyInstanceUid: FOLLOW_UP, state: 'absent' }))).toMatchObject({ reason: 'MEASUREMENTS_PRESENT' });
    expect(await findingState(db, t1.id, FOLLOW_UP)).toBe('measured');
  });

  it('records merged into another target of the same patient', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const t2 = await lesion(db);
    const finding = value(await setFinding(db, { lesionId: t1.id, studyInstanceUid: FOLLOW_UP, state: 'merged', mergedIntoLesionId: t2.id }));
    expect(finding.mergedIntoLesionId).toBe(t2.id);
    expect((await db.findings.get(finding.id))?.mergedIntoLesionId).toBe(t2.id);
  });

  it('refuses merged without a lesion, into itself, into a non-target, into another patient\'s target, and mergedInto without merged', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    const t2 = await lesion(db);
    const nt = await lesion(db, { category: 'non-target' });
    value(await ensurePatient(db, { id: 'P2', name: 'Roe', studies: [{ studyInstanceUid: '7.7', studyDate: '2024-02-02', studyDescription: '' }] }));
    const other = await lesion(db, { patientId: 'P2', firstStudyInstanceUid: '7.7' });
    const merged = (into: string | undefined, state: FindingState = 'merged') =>
      setFinding(db, { lesionId: t1.id, studyInstanceUid: FOLLOW_UP, state, ...(into === undefined ? {} : { mergedIntoLesionId: into }) });
    for (const into of [undefined, t1.id, nt.id, other.id, 'missing']) {
      expect(failure(await merged(into))).toMatchObject({ code: 'INVALID', reason: 'MERGE_TARGET' });
    }
    expect(failure(await merged(t2.id, 'absent'))).toMatchObject({ code: 'INVALID', reason: 'MERGE_TARGET' });
    expect(await db.findings.where('lesionId').equals(t1.id).count()).toBe(0);
  });
});

describe('clearFinding', () => {
  it('removes the finding, leaving the lesion not assessed', async () => {
    const db = await databaseWithPatient();
    const nt = await lesion(db, { category: 'non-target' });
    value(await clearFinding(db, nt.id, BASELINE));
    expect(await findingState(db, nt.id, BASELINE)).toBeUndefined();
  });

  it('refuses to clear a measured target while its measurement is there', async () => {
    const db = await databaseWithPatient();
    const t1 = await lesion(db);
    value(await putMeasurement(db, measurement(t1, BASELINE), { replaceOthers: true }));
    expect(failure(await clearFinding(db, t1.id, BASELINE))).toMatchObject({ reason: 'MEASUREMENTS_PRESENT' });
  });
});

describe('getFinding and restoreFinding (undo snapshots)', () => {
  it('puts back exactly the earlier finding, and removes it for an undefined snapshot', async () => {
    const db = await databaseWithPatient();
    const nt = await lesion(db, { category: 'non-target' });
    const before = value(await getFinding(db, nt.id, BASELINE));
    expect(before?.state).toBe('present');
    value(await setFinding(db, { lesionId: nt.id, studyInstanceUid: BASELINE, state: 'not_evaluable' }));
    value(await restoreFinding(db, nt.id, BASELINE, before));
    expect(await db.findings.get(`${nt.id}|${BASELINE}`)).toEqual(before);
    value(await restoreFinding(db, nt.id, BASELINE, undefined));
    expect(value(await getFinding(db, nt.id, BASELINE))).toBeUndefined();
  });

  it('refuses a snapshot of another lesion or time point', async () => {
    const db = await databaseWithPatient();
    const nt = await lesion(db, { category: 'non-target' });
    const before = value(await getFinding(db, nt.id, BASELINE));
    expect(failure(await restoreFinding(db, nt.id, FOLLOW_UP, before))).toMatchObject({ reason: 'ROW_MISMATCH' });
  });

  it('is refused while the time point is signed off', async () => {
    const db = await databaseWithPatient();
    const nt = await lesion(db, { category: 'non-target' });
    const before = value(await getFinding(db, nt.id, BASELINE));
    value(await signOffTimepoint(db, BASELINE, SIGN_OFF));
    expect(failure(await restoreFinding(db, nt.id, BASELINE, undefined)).code).toBe('TIMEPOINT_LOCKED');
    expect(await db.findings.get(`${nt.id}|${BASELINE}`)).toEqual(before);
  });
});
