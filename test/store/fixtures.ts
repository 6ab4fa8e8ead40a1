// Small builders for store tests: a fresh in-memory database per test (fake-indexeddb), a patient with studies,
// and measurement rows.
import 'fake-indexeddb/auto';
import type { Result } from '../../src/shared/result';
import { RecistDatabase } from '../../src/store/database';
import { createLesion, type NewLesion } from '../../src/store/lesionRepository';
import { ensurePatient } from '../../src/store/patientRepository';
import type { StoreError } from '../../src/store/storeError';
import type { LesionRow, MeasurementRow } from '../../src/tracking/types';

export const PATIENT = 'P1';
export const BASELINE = '1.2.3.100';
export const FOLLOW_UP = '1.2.3.200';

let counter = 0;
/** A database name no other test uses, so tests never see each other's rows. */
export const uniqueName = (): string => `recist-test-${process.pid}-${++counter}-${crypto.randomUUID()}`;

export const freshDatabase = (): RecistDatabase => new RecistDatabase(uniqueName());

/** The value of a result that must be ok (the test fails with the error otherwise). */
export function value<T, E = StoreError>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a result that must have failed. */
export function failure<T>(result: Result<T, StoreError>): StoreError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A database with patient P1 and two time points: baseline 2024-01-10 and follow-up 2024-04-10. */
export async function databaseWithPatient(): Promise<RecistDatabase> {
  const db = freshDatabase();
  value(await ensurePatient(db, {
    id: PATIENT,
    name: 'Doe^Jane',
    studies: [
      { studyInstanceUid: BASELINE, studyDate: '2024-01-10', studyDescription: 'CT chest abdomen' },
      { studyInstanceUid: FOLLOW_UP, studyDate: '2024-04-10', studyDescription: 'CT chest abdomen' },
    ],
  }));
  return db;
}

export async function lesion(db: RecistDatabase, overrides: Partial<NewLesion> = {}): Promise<LesionRow> {
  return value(await createLesion(db, {
    patientId: PATIENT,
    category: 'target',
    organ: 'liver',
    location: 'segment VIII',
    firstStudyInstanceUid: BASELINE,
    ...overrides,
  }));
}

export function measurement(of: LesionRow, studyUid: string, overrides: Partial<MeasurementRow> = {}): MeasurementRow {
  return {
    id: crypto.randomUUID(),
    patientId: of.patientId,
    lesionId: of.id,
    studyInstanceUid: studyUid,
    image: { studyInstanceUid: studyUid, seriesInstanceUid: `${studyUid}.1`, sopInstanceUid: `${studyUid}.1.42`, frameNumber: 1 },
    tool: 'long-axis',
    longAxis: { start: { x: 100, y: 120 }, end: { x: 130, y: 160 } },
    pixelSpacingMm: { row: 0.7, column: 0.7 },
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export const SIGN_OFF = {
  reader: 'Dr Who',
  at: '2024-05-02T09:00:00.000Z',
  overallResponse: 'SD',
  explanation: 'SD (target SD)',
} as const;

export async function findingState(db: RecistDatabase, lesionId: string, studyUid: string): Promise<string | undefined> {
  return (await db.findings.get(`${lesionId}|${studyUid}`))?.state;
}
