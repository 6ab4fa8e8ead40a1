// The one gate every backup passes before anything is read from it, in the app (Restore from backup…) exactly as in
// the command line (`recist export`): the file whole, its head ours, every table holding the rows it declares, every
// row valid and every reference resolving. All or nothing: any problem refuses the whole file.
import { err, ok, type Result } from '../shared/result';
import {
  checkBackupMeta, KNOWN_TABLES, upgradeBackupRow, type BackupContent, type BackupError, type BackupMeta, type TableCount,
} from './backupFile';
import { backupRowProblems } from './backupRowProblems';
import { jsonEndingOfText, type JsonEnding } from './jsonEnding';
import { isRecord } from './shapeChecks';
import type { TableName } from './tableNames';

export interface BackupReading {
  /** How the file ends (scanJsonEnding over all of its bytes). */
  readonly ending: JsonEnding;
  /** The head as read: formatName, formatVersion, data.databaseVersion, data.tables (name, rowCount). */
  readonly head: unknown;
  /** Every row the file holds for each table of this version, as read (missing: the file has none for it). */
  readonly rows: ReadonlyMap<TableName, readonly unknown[]>;
}

/** Why a file that is not whole JSON is refused; undefined when it is whole. */
export function endingError(ending: JsonEnding): BackupError | undefined {
  switch (ending.kind) {
    case 'complete': return undefined;
    case 'cut-short': return { code: 'BACKUP_CUT_SHORT', size: ending.size };
    case 'not-json':
      return {
        code: 'NOT_A_BACKUP',
        detail: ending.at === 0 && ending.found === '' ? 'it is empty'
          : ending.at === 0 ? `it is not a JSON file: it begins "${ending.found}"`
          : `it stops being JSON at byte ${ending.at} ("${ending.found}")`,
      };
  }
}

/** The first two steps alone, so that the app reads no rows from a file that is cut short or not a backup. */
export function checkBackupHead(ending: JsonEnding, head: unknown): Result<BackupMeta, BackupError> {
  const cut = endingError(ending);
  return cut === undefined ? checkBackupMeta(head) : err(cut);
}

/** Every table whose rows are not as many as the head declares (a table not declared declares none). */
function countMismatches(meta: BackupMeta, rows: ReadonlyMap<TableName, readonly unknown[]>): TableCount[] {
  return KNOWN_TABLES.flatMap((table): TableCount[] => {
    const declared = meta.rowCounts[table] ?? 0;
    const found = rows.get(table)?.length ?? 0;
    return declared === found ? [] : [{ table, declared, found }];
  });
}

export function checkBackup(reading: BackupReading): Result<BackupContent, BackupError> {
  const meta = checkBackupHead(reading.ending, reading.head);
  if (!meta.ok) return err(meta.error);
  const mismatches = countMismatches(meta.value, reading.rows);
  if (mismatches.length > 0) return err({ code: 'BACKUP_ROWS_MISSING', tables: mismatches });
  const rows: Partial<Record<TableName, readonly unknown[]>> = {};
  for (const [table, raws] of reading.rows) rows[table] = raws.map((row) => upgradeBackupRow(table, row, meta.value.schemaVersion));
  const problems = backupRowProblems(rows);
  if (problems.length > 0) return err({ code: 'BACKUP_ROWS_INVALID', problems });
  return ok({ meta: meta.value, rows });
}

const notABackup = (detail: string): Result<never, BackupError> => err({ code: 'NOT_A_BACKUP', detail });

/** The rows section of a parsed file, by table; a damaged section is said as such. */
function rowsOfParsed(parsed: unknown): Result<Map<TableName, unknown[]>, BackupError> {
  const data = isRecord(parsed) && isRecord(parsed.data) ? parsed.data.data : undefined;
  if (!Array.isArray(data)) return notABackup('it has no rows section');
  const rows = new Map<TableName, unknown[]>();
  for (const table of data) {
    if (!isRecord(table) || typeof table.tableName !== 'string' || !Array.isArray(table.rows)) return notABackup('a table in it is damaged');
    const name = KNOWN_TABLES.find((t) => t === table.tableName);
    if (name === undefined) continue;
    // Every table of the reader's schema has an inbound key: rows are the objects themselves.
    if (table.inbound !== true) return notABackup(`table ${name} is not stored with its keys inside the rows`);
    rows.set(name, [...(rows.get(name) ?? []), ...table.rows]);
  }
  return ok(rows);
}

/** A whole backup given as text (the command line): the same gate as the app's restore. */
export function readBackupText(text: string): Result<BackupContent, BackupError> {
  const ending = jsonEndingOfText(text);
  const cut = endingError(ending);
  if (cut !== undefined) return err(cut);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return notABackup('it is damaged inside: its brackets close, but what lies between them is not valid JSON');
  }
  const rows = rowsOfParsed(parsed);
  if (!rows.ok) {
    // A file that is not ours at all is said so first, before the state of its rows.
    const meta = checkBackupMeta(parsed);
    return meta.ok ? rows : meta;
  }
  return checkBackup({ ending, head: parsed, rows: rows.value });
}
