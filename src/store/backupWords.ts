// Why a backup was refused, in the reader's words: which table, which row, what is missing, and that nothing was
// changed. Kept beside the gate (backupCheck.ts) whose verdicts it words, and shared by the app's restore and
// `recist export`, so both say the same about the same file.
import { assertNever } from '../shared/assertNever';
import type { BackupError, TableCount } from './backupFile';
import type { RestoreProblem } from './restore';
import type { TableName } from './tableNames';

const ROW_WORDS: Record<TableName, readonly [one: string, many: string]> = {
  patients: ['patient', 'patients'],
  timepoints: ['time point', 'time points'],
  lesions: ['lesion', 'lesions'],
  findings: ['lesion state', 'lesion states'],
  measurements: ['measurement', 'measurements'],
  images: ['stored image file', 'stored image files'],
  studyKeys: ['study code (de-identification key)', 'study codes (de-identification key)'],
  outbox: ['report waiting for the PACS', 'reports waiting for the PACS'],
};

const rows = (table: TableName, n: number): string => `${n} ${ROW_WORDS[table][n === 1 ? 0 : 1]}`;

const kilobytes = (bytes: number): string => (bytes < 10_000 ? `${bytes} bytes` : `${Math.round(bytes / 1000).toLocaleString('en')} KB`);

function describeCount({ table, declared, found }: TableCount): string {
  return `it declares ${rows(table, declared)} but holds ${found}`;
}

/** One damaged or dangling row: "measurement m-3: its time point (study 1.2.3) is missing". */
export function describeRestoreProblem(problem: RestoreProblem): string {
  return `${ROW_WORDS[problem.table][0]} ${problem.id}: ${problem.detail}`;
}

const NOTHING_CHANGED = 'Nothing was changed.';

/** Why a backup file was not restored (or not read by `recist export`). */
export function describeBackupError(error: BackupError): string {
  switch (error.code) {
    case 'NOT_A_BACKUP':
      return `This file is not a recist-reader backup (${error.detail}). ${NOTHING_CHANGED}`;
    case 'BACKUP_CUT_SHORT':
      return `This backup is incomplete: it ends after ${kilobytes(error.size)}, in the middle of its data, as a download or copy ` +
        `that did not finish does. ${NOTHING_CHANGED} Restore from a complete copy (the file as "Back up database" saved it).`;
    case 'BACKUP_FROM_NEWER_SCHEMA':
      return `This backup was made by a newer version of recist-reader (database version ${error.backupVersion}; this version reads up to ${error.appVersion}). Nothing was changed: update the app, then restore it.`;
    case 'BACKUP_ROWS_MISSING':
      return `This backup is not whole: ${error.tables.map(describeCount).join('; ')}. Rows were removed from the file after it was made, ` +
        `so restoring it would lose them. ${NOTHING_CHANGED} Restore from the file as "Back up database" saved it.`;
    case 'BACKUP_ROWS_INVALID': {
      const shown = error.problems.slice(0, 5).map(describeRestoreProblem).join('; ');
      const more = error.problems.length > 5 ? `; and ${error.problems.length - 5} more` : '';
      return `This backup has ${error.problems.length} row${error.problems.length === 1 ? '' : 's'} that cannot be restored as they are, damaged or pointing at rows the file does not hold (${shown}${more}). ${NOTHING_CHANGED}`;
    }
    default:
      return assertNever(error, 'backup error');
  }
}
