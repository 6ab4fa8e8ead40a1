// Every repository runs in one of these: a Dexie transaction whose expected failures come back as values.
// Inside the body a refusal is thrown (`fail`) because throwing is how a Dexie transaction rolls back: whatever
// the body wrote before the refusal is undone, so a refused or failed write never leaves half a change behind.
import type { Table } from 'dexie';
import { err, ok, type Result } from '../shared/result';
import type { RecistDatabase } from './database';
import { storageFailure } from './storageFailure';
import type { StoreError } from './storeError';

/** Carries an expected failure out of a transaction body; never escapes this module's callers. */
export class StoreFailure extends Error {
  constructor(readonly error: StoreError) {
    super(`store: ${error.code}`);
    this.name = 'StoreFailure';
  }
}

/** Refuse the write: rolls the transaction back and makes the repository return `error`. */
export function fail(error: StoreError): never {
  throw new StoreFailure(error);
}

type Mode = 'rw' | 'r';

async function run<T>(
  db: RecistDatabase,
  mode: Mode,
  tables: readonly Table[],
  body: () => Promise<T>,
): Promise<Result<T, StoreError>> {
  try {
    return ok(await db.transaction(mode, tables, body));
  } catch (e) {
    if (e instanceof StoreFailure) return err(e.error);
    const failure = storageFailure(e);
    if (failure === undefined) throw e;
    return err(failure);
  }
}

/** A read-write transaction over `tables`: all of the body's writes happen, or none. */
export const writeTransaction = <T>(db: RecistDatabase, tables: readonly Table[], body: () => Promise<T>) =>
  run(db, 'rw', tables, body);

/** A read transaction over `tables`: one consistent view, even while another tab writes. */
export const readTransaction = <T>(db: RecistDatabase, tables: readonly Table[], body: () => Promise<T>) =>
  run(db, 'r', tables, body);
