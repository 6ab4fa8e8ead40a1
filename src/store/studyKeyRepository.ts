// The de-identification key (studyKey.ts): created once per patient, on first need, and never changed afterwards,
// so a patient keeps the same study code and date offset in every de-identified export made on this machine.
import { ok, type Result } from '../shared/result';
import { nowIso } from './clock';
import type { RecistDatabase } from './database';
import { restoreAll, restoreStudyKeyRow } from './restore';
import type { StoreError } from './storeError';
import type { StudyKeyRow } from './studyKey';
import { readTransaction, writeTransaction } from './storeTransaction';

/** Uniform random integers in [0, n), from the platform's cryptographic generator unless a test gives its own. */
export type RandomInt = (n: number) => number;

const cryptoRandomInt: RandomInt = (n) => {
  // Rejection sampling: a plain modulo would favour small values.
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const v = buffer[0] ?? 0;
    if (v < limit) return v % n;
  }
};

// No 0/O or 1/I/L: codes are read aloud and copied by hand.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;
/** Dates move by 1 to 365 days, either way: enough to hide the calendar date, never 0. */
const MAX_OFFSET_DAYS = 365;

export function newStudyCode(random: RandomInt): string {
  let code = 'S-';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

export function newDateOffset(random: RandomInt): number {
  const magnitude = 1 + random(MAX_OFFSET_DAYS);
  return random(2) === 0 ? -magnitude : magnitude;
}

/** Every key kept; a malformed row is left out (the restore step), as everywhere else. */
export function readStudyKeys(db: RecistDatabase): Promise<Result<readonly StudyKeyRow[], StoreError>> {
  return readTransaction(db, [db.studyKeys], async () => restoreAll(await db.studyKeys.toArray(), restoreStudyKeyRow).rows);
}

/**
 * The keys of the given patients, creating the missing ones (random code, unique in the database; random offset).
 * A stored key is never replaced, even a malformed one: its row is reported by the restore step and the patient
 * is left out of the result rather than given a second code.
 */
export async function ensureStudyKeys(
  db: RecistDatabase,
  patientIds: readonly string[],
  random: RandomInt = cryptoRandomInt,
): Promise<Result<readonly StudyKeyRow[], StoreError>> {
  if (patientIds.length === 0) return ok([]);
  return writeTransaction(db, [db.studyKeys], async () => {
    const stored = await db.studyKeys.toArray();
    const byPatient = new Map(stored.map((row) => [row.patientId, row]));
    const codes = new Set(stored.map((row) => row.code));
    const created: StudyKeyRow[] = [];
    for (const patientId of new Set(patientIds)) {
      if (byPatient.has(patientId)) continue;
      let code = newStudyCode(random);
      while (codes.has(code)) code = newStudyCode(random);
      codes.add(code);
      const row: StudyKeyRow = { patientId, code, dateOffsetDays: newDateOffset(random), createdAt: nowIso() };
      created.push(row);
      byPatient.set(patientId, row);
    }
    await db.studyKeys.bulkAdd(created);
    const wanted = new Set(patientIds);
    const rows = restoreAll([...byPatient.values()].filter((row) => wanted.has(row.patientId)), restoreStudyKeyRow).rows;
    return [...rows].sort((a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0));
  });
}
