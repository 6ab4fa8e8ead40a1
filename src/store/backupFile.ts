// The backup file: Dexie's own export format (dexie-export-import, "formatName": "dexie"), checked before anything
// is restored from it. Pure, so the command line reads backups with the same checks as the app, without Dexie.
import { err, ok, type Result } from '../shared/result';
import type { RestoreProblem } from './restore';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { isRecord } from './shapeChecks';
import { RECORD_TABLES, type TableName } from './tableNames';

export type BackupError =
  /** Not JSON, not Dexie's export format, or a Dexie export without the reader's tables. */
  | { readonly code: 'NOT_A_BACKUP'; readonly detail: string }
  /** Written by a later version of the app, whose rows this version may misread: refused, not guessed at. */
  | { readonly code: 'BACKUP_FROM_NEWER_SCHEMA'; readonly backupVersion: number; readonly appVersion: number }
  /** Rows that fail the restore step: restoring would lose them, so nothing is restored. */
  | { readonly code: 'BACKUP_ROWS_INVALID'; readonly problems: readonly RestoreProblem[] };

export interface BackupMeta {
  readonly schemaVersion: number;
  /** The tables the file holds (a backup made without images has no images table). */
  readonly tables: readonly string[];
}

const notABackup = (detail: string): Result<never, BackupError> => err({ code: 'NOT_A_BACKUP', detail });

/** Checks the head of the file (formatName, version, tables), as dexie-export-import's peakImportFile returns it. */
export function checkBackupMeta(meta: unknown): Result<BackupMeta, BackupError> {
  if (!isRecord(meta) || meta.formatName !== 'dexie') return notABackup('it is not a Dexie database export');
  if (meta.formatVersion !== 1) return notABackup(`export format version ${String(meta.formatVersion)} is not 1`);
  const data = meta.data;
  if (!isRecord(data)) return notABackup('it has no data section');
  const version = data.databaseVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return notABackup('it has no schema version');
  if (version > CURRENT_SCHEMA_VERSION) return err({ code: 'BACKUP_FROM_NEWER_SCHEMA', backupVersion: version, appVersion: CURRENT_SCHEMA_VERSION });
  const tables = Array.isArray(data.tables) ? data.tables.map((t) => (isRecord(t) && typeof t.name === 'string' ? t.name : '')) : [];
  const missing = RECORD_TABLES.filter((t) => !tables.includes(t));
  if (missing.length > 0) return notABackup(`it has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}`);
  return ok({ schemaVersion: version, tables });
}

/**
 * A row as the current schema expects it, from a backup of an older one: the same steps as migrations.ts, applied
 * to plain rows (a v1 measurement's image gets frame 1). Rows of the current version come back unchanged.
 */
export function upgradeBackupRow(table: string, row: unknown, fromVersion: number): unknown {
  if (fromVersion < 2 && table === 'measurements' && isRecord(row) && isRecord(row.image) && typeof row.image.frameNumber !== 'number') {
    return { ...row, image: { ...row.image, frameNumber: 1 } };
  }
  return row;
}

/** The tables this version knows, whose rows a restore writes; any other table in a file is ignored. */
export const KNOWN_TABLES: readonly TableName[] = [...RECORD_TABLES, 'images', 'studyKeys'];

export interface BackupContent {
  readonly meta: BackupMeta;
  /** The rows of every known table in the file except images (their bytes are encoded; nothing here needs them). */
  readonly rows: Readonly<Partial<Record<TableName, readonly unknown[]>>>;
}

/** Reads the whole backup text: its head checked, the record rows upgraded to the current schema. */
export function readBackupText(text: string): Result<BackupContent, BackupError> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return notABackup(`it is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const meta = checkBackupMeta(parsed);
  if (!meta.ok) return meta;
  const data = isRecord(parsed) && isRecord(parsed.data) ? parsed.data.data : undefined;
  if (!Array.isArray(data)) return notABackup('it has no rows section');
  const rows: Partial<Record<TableName, unknown[]>> = {};
  for (const table of data) {
    if (!isRecord(table) || typeof table.tableName !== 'string' || !Array.isArray(table.rows)) return notABackup('a table in it is damaged');
    const name = KNOWN_TABLES.find((t) => t === table.tableName);
    if (name === undefined || name === 'images') continue;
    // Every table of the reader's schema has an inbound key: rows are the objects themselves.
    if (table.inbound !== true) return notABackup(`table ${name} is not stored with its keys inside the rows`);
    rows[name] = [...(rows[name] ?? []), ...table.rows.map((row: unknown) => upgradeBackupRow(name, row, meta.value.schemaVersion))];
  }
  return ok({ meta: meta.value, rows });
}

export interface RestoreSummary {
  readonly schemaVersion: number;
  readonly patients: number;
  readonly lesions: number;
  readonly measurements: number;
  readonly images: number;
  /** Tables the backup does not contain, left as they were (images of a backup made without them). */
  readonly keptTables: readonly TableName[];
}
