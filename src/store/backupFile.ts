// The backup file: Dexie's own export format (dexie-export-import, "formatName": "dexie"): its errors, its head and
// the upgrade of older rows. Pure, so the command line reads backups with the same checks as the app, without Dexie;
// backupCheck.ts is the one gate both pass a file through.
import { err, ok, type Result } from '../shared/result';
import type { RestoreProblem } from './restore';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { isRecord } from './shapeChecks';
import { RECORD_TABLES, type TableName } from './tableNames';

/** A table whose rows in the file are not as many as its head declares. */
export interface TableCount {
  readonly table: TableName;
  readonly declared: number;
  readonly found: number;
}

export type BackupError =
  /** Not JSON, not Dexie's export format, or a Dexie export without the reader's tables. */
  | { readonly code: 'NOT_A_BACKUP'; readonly detail: string }
  /** The file ends before its JSON does (`size` bytes were there): a copy or download that did not finish. */
  | { readonly code: 'BACKUP_CUT_SHORT'; readonly size: number }
  /** Written by a later version of the app, whose rows this version may misread: refused, not guessed at. */
  | { readonly code: 'BACKUP_FROM_NEWER_SCHEMA'; readonly backupVersion: number; readonly appVersion: number }
  /** Tables holding fewer (or more) rows than the file declares: rows were removed or lost, so it is not whole. */
  | { readonly code: 'BACKUP_ROWS_MISSING'; readonly tables: readonly TableCount[] }
  /** Rows that fail the restore step or point at rows that are not there: restoring would lose them or leave them dangling. */
  | { readonly code: 'BACKUP_ROWS_INVALID'; readonly problems: readonly RestoreProblem[] };

const BACKUP_ERROR_CODES: Record<BackupError['code'], true> = {
  NOT_A_BACKUP: true, BACKUP_CUT_SHORT: true, BACKUP_FROM_NEWER_SCHEMA: true, BACKUP_ROWS_MISSING: true, BACKUP_ROWS_INVALID: true,
};

/** Tells a refusal of the file from a failure of the browser's storage (a restore can end in either). */
export const isBackupError = (error: { readonly code: string }): error is BackupError => Object.hasOwn(BACKUP_ERROR_CODES, error.code);

export interface BackupMeta {
  readonly schemaVersion: number;
  /** The tables the file holds (a backup made without images has no images table). */
  readonly tables: readonly string[];
  /** How many rows the head declares for each table this version knows. */
  readonly rowCounts: Readonly<Partial<Record<TableName, number>>>;
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
  const declared: unknown[] = Array.isArray(data.tables) ? data.tables : [];
  const tables = declared.map((t) => (isRecord(t) && typeof t.name === 'string' ? t.name : ''));
  const missing = RECORD_TABLES.filter((t) => !tables.includes(t));
  if (missing.length > 0) return notABackup(`it has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}`);
  const rowCounts: Partial<Record<TableName, number>> = {};
  for (const entry of declared) {
    const name = KNOWN_TABLES.find((t) => isRecord(entry) && t === entry.name);
    if (name === undefined || !isRecord(entry)) continue;
    const count = entry.rowCount;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return notABackup(`its head does not say how many ${name} rows it holds`);
    rowCounts[name] = count;
  }
  return ok({ schemaVersion: version, tables, rowCounts });
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
  /**
   * The rows of every known table in the file, upgraded to the current schema and checked. Images are as the reader
   * gave them (the app's revived to bytes; the command line's still encoded, and nothing there reads them).
   */
  readonly rows: Readonly<Partial<Record<TableName, readonly unknown[]>>>;
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
