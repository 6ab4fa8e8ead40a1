// The reader's IndexedDB database (Dexie owns IndexedDB: STYLE.md principle 6). Only src/store touches it: hooks read,
// repositories write.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { err, ok, type Result } from '../shared/result';
import type { FindingRow, LesionRow, MeasurementRow, PatientRow, TimepointRow } from '../tracking/types';
import { upgradeToV2 } from './migrations';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './schema';
import type { OutboxRow } from './outboxRow';
import { storageFailure } from './storageFailure';
import type { StoreError } from './storeError';
import type { StoredImageRow } from './storedImage';
import type { StudyKeyRow } from './studyKey';

export const DEFAULT_DATABASE_NAME = 'recist-reader';

export class RecistDatabase extends Dexie {
  // `declare`: Dexie defines these properties itself; a class field would overwrite them with undefined.
  declare readonly patients: Table<PatientRow, string>;
  declare readonly timepoints: Table<TimepointRow, string>;
  declare readonly lesions: Table<LesionRow, string>;
  declare readonly findings: Table<FindingRow, string>;
  declare readonly measurements: Table<MeasurementRow, string>;
  declare readonly images: Table<StoredImageRow, [string, string]>;
  declare readonly studyKeys: Table<StudyKeyRow, string>;
  declare readonly outbox: Table<OutboxRow, string>;

  constructor(name: string = DEFAULT_DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    // No upgrade step: a new table, and optional patient fields that v2 rows simply do not have.
    this.version(3).stores(SCHEMA_V3);
    // No upgrade step: optional time-point fields (report, assigned) that v3 rows simply do not have.
    this.version(4).stores(SCHEMA_V4);
    // No upgrade step: the SR outbox is a new table, empty in a database of version 4.
    this.version(5).stores(SCHEMA_V5);
  }
}

/**
 * Opens (creating or upgrading) the database. Failing to open is expected, not a bug: no IndexedDB in this browser,
 * a newer version of the app already upgraded it, another tab blocks the upgrade.
 */
export async function openRecistDatabase(
  name: string = DEFAULT_DATABASE_NAME,
  options?: DexieOptions,
): Promise<Result<RecistDatabase, StoreError>> {
  return openDexie(new RecistDatabase(name, options));
}

/** Opens any of the app's databases; the expected failures (no IndexedDB, a newer version, blocked) as values. */
export async function openDexie<T extends Dexie>(db: T): Promise<Result<T, StoreError>> {
  try {
    await db.open();
    return ok(db);
  } catch (e) {
    const failure = storageFailure(e);
    if (failure === undefined) throw e;
    return err(failure);
  }
}
