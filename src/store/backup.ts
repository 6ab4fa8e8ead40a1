// Backup and restore of the whole database, in Dexie's own export format (dexie-export-import owns the file format;
// this module owns when and how it touches the database).
// Restore is all or nothing: the file is imported into a staging database first (importDB), its rows are upgraded
// and checked there, and only then swapped into the live tables in one transaction. dexie-export-import's own
// clearTablesBeforeImport clears outside its import transaction, so a failure half-way would leave the record empty.
import Dexie from 'dexie';
import { exportDB, importDB, peakImportFile } from 'dexie-export-import';
import { err, ok, type Result } from '../shared/result';
import { checkBackupMeta, KNOWN_TABLES, upgradeBackupRow, type BackupError, type RestoreSummary } from './backupFile';
import type { RecistDatabase } from './database';
import { recordsFromRows } from './recordRows';
import { restoreAll, restoreStudyKeyRow, type RestoreProblem } from './restore';
import { isRecord } from './shapeChecks';
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

const isImageRow = (row: unknown): boolean =>
  isRecord(row) && typeof row.studyInstanceUid === 'string' && typeof row.path === 'string' && row.bytes instanceof ArrayBuffer;

/** Every problem of the rows, with the same restore step as every read; images checked for their shape only. */
function rowProblems(rows: Partial<Record<TableName, unknown[]>>): RestoreProblem[] {
  const records = recordsFromRows({
    patients: rows.patients ?? [], timepoints: rows.timepoints ?? [], lesions: rows.lesions ?? [],
    findings: rows.findings ?? [], measurements: rows.measurements ?? [],
  });
  const keys = restoreAll(rows.studyKeys ?? [], restoreStudyKeyRow).problems;
  const images: RestoreProblem[] = (rows.images ?? []).filter((r) => !isImageRow(r))
    .map(() => ({ code: 'MALFORMED_ROW', table: 'images', id: '?', detail: 'not a stored file' }));
  return [...records.problems, ...keys, ...images];
}

/** Reads every known table of the staging copy, upgraded to the current schema. */
async function stagedRows(staging: Dexie, schemaVersion: number): Promise<Partial<Record<TableName, unknown[]>>> {
  const rows: Partial<Record<TableName, unknown[]>> = {};
  for (const name of KNOWN_TABLES) {
    if (!staging.tables.some((t) => t.name === name)) continue;
    rows[name] = (await staging.table(name).toArray()).map((row: unknown) => upgradeBackupRow(name, row, schemaVersion));
  }
  return rows;
}

/**
 * Replaces the record with the backup's. Refused, with nothing changed, when the file is not a backup, comes from
 * a newer schema, or holds rows that fail the restore step.
 */
export async function restoreBackup(db: RecistDatabase, file: Blob): Promise<Result<RestoreSummary, StoreError | BackupError>> {
  let head: unknown;
  try {
    head = await peakImportFile(file);
  } catch (e) {
    return err({ code: 'NOT_A_BACKUP', detail: e instanceof Error ? e.message : String(e) });
  }
  const meta = checkBackupMeta(head);
  if (!meta.ok) return meta;

  let staging: Dexie | undefined;
  try {
    try {
      staging = await importDB(file, { name: `${db.name}-restore-${crypto.randomUUID()}` });
    } catch (e) {
      const failure = storageFailure(e);
      return err(failure ?? { code: 'NOT_A_BACKUP', detail: e instanceof Error ? e.message : String(e) });
    }
    const rows = await stagedRows(staging, meta.value.schemaVersion);
    const problems = rowProblems(rows);
    if (problems.length > 0) return err({ code: 'BACKUP_ROWS_INVALID', problems });

    const present = KNOWN_TABLES.filter((name) => rows[name] !== undefined);
    await db.transaction('rw', present.map((name) => db.table(name)), async () => {
      for (const name of present) {
        await db.table(name).clear();
        await db.table(name).bulkPut(rows[name] ?? []);
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
    // The staging copy is only a copy: failing to delete it costs disk space, never data, so it does not fail the restore.
    await staging?.delete().catch(() => undefined);
  }
}
