// What this workstation knows beyond one reader's record (issue 20): who reads here and in which database each
// reader's record lives, which patients are read twice, and the adjudications of discordant double reads. Each
// reader's record is a database of its own, so a second reader's screen, exports and undo history cannot show the
// first reader's read: blindness by construction, not by filtering.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Result } from '../shared/result';
import type { IsoDateTime } from '../tracking/types';
import { DEFAULT_DATABASE_NAME, openDexie } from './database';
import type { StoreError } from './storeError';

export const WORKSTATION_DATABASE_NAME = 'recist-reader-workstation';

export interface ReaderEntry {
  /** The reader's name as they sign: the key. */
  readonly name: string;
  /** The IndexedDB database that holds this reader's record. */
  readonly databaseName: string;
  readonly addedAt: IsoDateTime;
}

export interface DoubleReadEntry {
  readonly patientId: string;
  readonly addedAt: IsoDateTime;
}

/** The adjudicator's choice between two discordant reads: signed and locked like a sign-off. */
export interface AdjudicationEntry {
  readonly patientId: string;
  /** The two reads compared, in the order they were shown. */
  readonly readers: readonly [string, string];
  readonly chosenReader: string;
  readonly adjudicator: string;
  readonly reason: string;
  readonly at: IsoDateTime;
}

export class WorkstationDatabase extends Dexie {
  declare readonly readers: Table<ReaderEntry, string>;
  declare readonly doubleReads: Table<DoubleReadEntry, string>;
  declare readonly adjudications: Table<AdjudicationEntry, string>;

  constructor(name: string = WORKSTATION_DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ readers: 'name, &databaseName', doubleReads: 'patientId', adjudications: 'patientId' });
  }
}

export function openWorkstationDatabase(
  name: string = WORKSTATION_DATABASE_NAME,
  options?: DexieOptions,
): Promise<Result<WorkstationDatabase, StoreError>> {
  return openDexie(new WorkstationDatabase(name, options));
}

/**
 * The database of a reader's record. The first reader named on a workstation keeps the record that was there before
 * readers were named (`defaultName`), so nothing read before is lost; every later reader gets one of their own.
 */
export function readerDatabaseName(name: string, taken: ReadonlySet<string>, defaultName: string = DEFAULT_DATABASE_NAME): string {
  if (!taken.has(defaultName)) return defaultName;
  const base = `${defaultName}:reader:${encodeURIComponent(name.trim().toLowerCase())}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}:${n}`;
  return candidate;
}
