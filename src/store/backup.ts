// Backup and restore of the whole database, in Dexie's own export format (dexie-export-import owns the file format;
// this module owns when and how it touches the database).
// Restore is all or nothing: the whole file is scanned first (a file cut short is refused before anything is read
// from it), then imported into a staging database (importInto revives the stored files' bytes), and its rows pass
// the same gate as the command line's (backupCheck.ts) before they are swapped into the live tables in one
// transaction. The staging database is deleted whatever happens. dexie-export-import's own clearTablesBeforeImport
// clears outside its import transaction, so a failure half-way would leave the record empty.
import Dexie from 'dexie';
import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import { err, ok, type Result } from '../shared/result';
import { checkBackup, checkBackupHead, endingError } from './backupCheck';
import { KNOWN_TABLES, type BackupError, type BackupMeta, type RestoreSummary } from './backupFile';
import type { RecistDatabase } from './database';
import { scanJsonEnding, type JsonEnding } from './jsonEnding';
import { SCHEMA_V5 } from './schema';
import { storageFailure } from './storageFailure';
import type { StoreError } from './storeError';
import { ensureStudyKeys } from './studyKeyRepository';
import type { TableName } from './tableNames';

export interface BackupOptions {
  /** Also the DICOM files kept in the browser (large; the record itself is always in). */
  readonly includeImages: boolean;
}

function storage(e: unknown): StoreError {
  const failure = storageFailure(e);
  if (failure === undefined) throw e;
  return failure;
}

/**
 * The whole database as one JSON file. Every patient gets its study code first, so a backup always carries the
 * complete de-identification key (the command line's --deidentify reads it from there).
 */
export async function backupDatabase(db: RecistDatabase, options: BackupOptions): Promise<Result<Blob, StoreError>> {
  const keys = await ensureStudyKeys(db, (await db.patients.toCollection().primaryKeys()).map(String));
  if (!keys.ok) return keys;
  try {
    return ok(await exportDB(db, { skipTables: options.includeImages ? [] : ['images'] }));
  } catch (e) {
    return err(storage(e));
  }
}

/** Bytes read at a time for the scan: large enough to be quick, small enough for a backup with many images. */
const SCAN_CHUNK_BYTES = 4 * 1024 * 1024;

async function endingOf(file: Blob): Promise<JsonEnding> {
  const scan = scanJsonEnding();
  for (let at = 0; at < file.size; at += SCAN_CHUNK_BYTES) scan.push(new Uint8Array(await file.slice(at, at + SCAN_CHUNK_BYTES).arrayBuffer()));
  return scan.finish();
}

const damaged = (detail: string): Result<never, BackupError> => err({ code: 'NOT_A_BACKUP', detail });

/** True when the throw, or one it wraps, has one of the names (Dexie wraps the DOM's errors in `inner`). */
function named(e: unknown, names: readonly string[]): boolean {
  for (let current: unknown = e, depth = 0; typeof current === 'object' && current !== null && depth < 8; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (names.includes(String(name))) return true;
    current = inner ?? cause;
  }
  return false;
}

/** Why the staging import failed, in words about the file; a full disk stays a storage failure. */
function stagingFailure(e: unknown): Result<never, StoreError | BackupError> {
  const failure = storageFailure(e);
  if (failure?.code === 'QUOTA_EXCEEDED') return err(failure);
  if (named(e, ['BulkError', 'ConstraintError'])) return damaged('two rows of one of its tables have the same key, which a backup never has');
  return damaged('its rows could not be read: the file is damaged inside');
}

/**
 * Every row of the tables this version knows, from the file into a database of its own, by the file's own head.
 * Tables this version does not know are skipped; the primary keys are the current schema's (they never changed).
 */
async function stageRows(file: Blob, name: string, meta: BackupMeta): Promise<Map<TableName, unknown[]>> {
  const known = KNOWN_TABLES.filter((t) => meta.tables.includes(t));
  const staging = new Dexie(name);
  try {
    staging.version(1).stores(Object.fromEntries(known.map((t) => [t, SCHEMA_V5[t]])));
    await importInto(staging, file, {
      acceptNameDiff: true, acceptVersionDiff: true, skipTables: meta.tables.filter((t) => !known.some((k) => k === t)),
    });
    const rows = new Map<TableName, unknown[]>();
    for (const table of known) rows.set(table, await staging.table(table).toArray());
    return rows;
  } finally {
    staging.close();
  }
}

/**
 * Deletes staging copies left by restores that failed before this version removed them (they held a whole copy of
 * a backup each, images included). A restore in another tab at this very moment would lose its copy and be refused.
 */
async function deleteLeftStaging(db: RecistDatabase): Promise<void> {
  const names = await Dexie.getDatabaseNames().catch((): string[] => []);
  await Promise.all(names.filter((n) => n.startsWith(`${db.name}-restore-`)).map((n) => Dexie.delete(n).catch(() => undefined)));
}

/**
 * Replaces the record with the backup's. Refused, with nothing changed, when the file is cut short, is not a backup,
 * comes from a newer schema, holds fewer rows than it declares, or rows that fail the restore step or point at rows
 * it does not hold.
 */
export async function restoreBackup(db: RecistDatabase, file: Blob): Promise<Result<RestoreSummary, StoreError | BackupError>> {
  let ending: JsonEnding;
  try {
    ending = await endingOf(file);
  } catch {
    return damaged('it could not be read from the disk: it may have been moved or changed while it was read');
  }
  const cut = endingError(ending);
  if (cut !== undefined) return err(cut);
  let head: unknown;
  try {
    head = await peakImportFile(file);
  } catch {
    return damaged('it is damaged inside: its brackets close, but what lies between them is not valid JSON');
  }
  const meta = checkBackupHead(ending, head);
  if (!meta.ok) return err(meta.error);

  await deleteLeftStaging(db);
  const stagingName = `${db.name}-restore-${crypto.randomUUID()}`;
  try {
    let staged: Map<TableName, unknown[]>;
    try {
      staged = await stageRows(file, stagingName, meta.value);
    } catch (e) {
      return stagingFailure(e);
    }
    const checked = checkBackup({ ending, head, rows: staged });
    if (!checked.ok) return checked;
    const rows = checked.value.rows;

    const present = KNOWN_TABLES.filter((name) => rows[name] !== undefined);
    await db.transaction('rw', present.map((name) => db.table(name)), async () => {
      for (const name of present) {
        await db.table(name).clear();
        await db.table(name).bulkPut([...(rows[name] ?? [])]);
      }
    });
    return ok({
      schemaVersion: meta.value.schemaVersion,
      patients: rows.patients?.length ?? 0,
      lesions: rows.lesions?.length ?? 0,
      measurements: rows.measurements?.length ?? 0,
      images: rows.images?.length ?? 0,
      keptTables: KNOWN_TABLES.filter((name) => rows[name] === undefined),
    });
  } catch (e) {
    return err(storage(e));
  } finally {
    // Deleted by name, so that a staging copy an import left half-filled goes too. Only a copy: failing to delete it
    // costs disk space, never data, so it does not fail the restore.
    await Dexie.delete(stagingName).catch(() => undefined);
  }
}
