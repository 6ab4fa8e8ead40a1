// The readers of this workstation and their records' databases, the double-read list and the adjudications: every
// read and write of the workstation database goes through here.
import { err, ok, type Result } from '../shared/result';
import { nowIso } from './clock';
import { storageFailure } from './storageFailure';
import { invalid, type StoreError } from './storeError';
import { fail, StoreFailure } from './storeTransaction';
import {
  readerDatabaseName, type AdjudicationEntry, type DoubleReadEntry, type ReaderEntry, type WorkstationDatabase,
} from './workstation';

/** A reader's name as they sign: spaces trimmed and single, nothing else changed. */
export const readerName = (typed: string): string => typed.trim().replace(/\s+/g, ' ');

async function guarded<T>(work: () => Promise<T>): Promise<Result<T, StoreError>> {
  try {
    return ok(await work());
  } catch (e) {
    if (e instanceof StoreFailure) return err(e.error);
    const failure = storageFailure(e);
    if (failure === undefined) throw e;
    return err(failure);
  }
}

export function listReaders(ws: WorkstationDatabase): Promise<Result<ReaderEntry[], StoreError>> {
  return guarded(() => ws.readers.orderBy('name').toArray().then((rows) => rows.sort((a, b) => a.addedAt.localeCompare(b.addedAt))));
}

/** The reader's entry, made (with a database of their own) the first time the name reads here. */
export function enrolReader(ws: WorkstationDatabase, typed: string): Promise<Result<ReaderEntry, StoreError>> {
  const name = readerName(typed);
  if (name === '') return Promise.resolve(err(invalid('MALFORMED_INPUT', 'a reader needs a name')));
  return guarded(() => ws.transaction('rw', ws.readers, async () => {
    const known = await ws.readers.get(name);
    if (known) return known;
    const taken = new Set((await ws.readers.toArray()).map((r) => r.databaseName));
    const entry: ReaderEntry = { name, databaseName: readerDatabaseName(name, taken), addedAt: nowIso() };
    await ws.readers.add(entry);
    return entry;
  }));
}

export function listDoubleReads(ws: WorkstationDatabase): Promise<Result<DoubleReadEntry[], StoreError>> {
  return guarded(() => ws.doubleReads.toArray());
}

/** Sets patients to double read; those already set keep their date. Returns how many were new. */
export function setDoubleRead(ws: WorkstationDatabase, patientIds: readonly string[]): Promise<Result<number, StoreError>> {
  const ids = [...new Set(patientIds.map((id) => id.trim()).filter((id) => id !== ''))];
  return guarded(() => ws.transaction('rw', ws.doubleReads, async () => {
    const present = new Set((await ws.doubleReads.bulkGet(ids)).filter((e) => e !== undefined).map((e) => e.patientId));
    const added = ids.filter((id) => !present.has(id)).map((patientId): DoubleReadEntry => ({ patientId, addedAt: nowIso() }));
    await ws.doubleReads.bulkAdd(added);
    return added.length;
  }));
}

/** Takes a patient off the double-read list; refused once adjudicated (the adjudication would lose its read). */
export function unsetDoubleRead(ws: WorkstationDatabase, patientId: string): Promise<Result<void, StoreError>> {
  return guarded(() => ws.transaction('rw', ws.doubleReads, ws.adjudications, async () => {
    if (await ws.adjudications.get(patientId)) {
      fail(invalid('MALFORMED_INPUT', `${patientId} is adjudicated; withdraw the adjudication first`));
    }
    await ws.doubleReads.delete(patientId);
  }));
}

export function listAdjudications(ws: WorkstationDatabase): Promise<Result<AdjudicationEntry[], StoreError>> {
  return guarded(() => ws.adjudications.toArray());
}

/**
 * Records the adjudicator's choice. Refused when the patient is not a double read, when the adjudicator is one of
 * its readers, without a reason, or when it is already adjudicated (locked: withdraw it first, as a sign-off is
 * unlocked).
 */
export function adjudicate(
  ws: WorkstationDatabase,
  choice: Omit<AdjudicationEntry, 'at'>,
): Promise<Result<AdjudicationEntry, StoreError>> {
  const adjudicator = readerName(choice.adjudicator);
  const reason = choice.reason.trim();
  const refuse = (detail: string) => Promise.resolve(err(invalid('MALFORMED_INPUT', detail)));
  if (!choice.readers.includes(choice.chosenReader)) return refuse(`${choice.chosenReader} is not one of the two readers`);
  if (adjudicator === '') return refuse('the adjudication is signed by its adjudicator: name the adjudicator');
  if (choice.readers.includes(adjudicator)) return refuse(`${adjudicator} read this patient; the adjudicator is a third reader`);
  if (reason === '') return refuse('say why this read was chosen');
  return guarded(() => ws.transaction('rw', ws.doubleReads, ws.adjudications, async () => {
    if (!(await ws.doubleReads.get(choice.patientId))) fail(invalid('MALFORMED_INPUT', `${choice.patientId} is not set to double read`));
    if (await ws.adjudications.get(choice.patientId)) fail(invalid('MALFORMED_INPUT', `${choice.patientId} is already adjudicated; withdraw that adjudication first`));
    const entry: AdjudicationEntry = { ...choice, adjudicator, reason, at: nowIso() };
    await ws.adjudications.add(entry);
    return entry;
  }));
}

/** Withdraws an adjudication (an explicit step, like unlocking a sign-off). */
export function withdrawAdjudication(ws: WorkstationDatabase, patientId: string): Promise<Result<void, StoreError>> {
  return guarded(() => ws.adjudications.delete(patientId));
}
