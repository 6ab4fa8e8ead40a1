// Why an export or a backup read was refused, in the reader's words: the Export menu and `recist export` say it
// alike. Here, beside the export that meets these errors, so neither the screen nor the command line owns them
// (src/ui/messages.ts passes them on to the screen).
import { assertNever } from '../shared/assertNever';
import type { BackupError } from '../store/backupFile';
import type { ExportError } from './exportFiles';

/** Why a backup file was not restored (or not read by `recist export`). */
export function describeBackupError(error: BackupError): string {
  switch (error.code) {
    case 'NOT_A_BACKUP':
      return `This file is not a recist-reader backup (${error.detail}). Nothing was changed.`;
    case 'BACKUP_FROM_NEWER_SCHEMA':
      return `This backup was made by a newer version of recist-reader (database version ${error.backupVersion}; this version reads up to ${error.appVersion}). Nothing was changed: update the app, then restore it.`;
    case 'BACKUP_ROWS_INVALID': {
      const shown = error.problems.slice(0, 5).map((p) => `${p.table} ${p.id}: ${p.detail}`).join('; ');
      const more = error.problems.length > 5 ? `; and ${error.problems.length - 5} more` : '';
      return `This backup has ${error.problems.length} damaged row${error.problems.length === 1 ? '' : 's'} that would be lost (${shown}${more}). Nothing was changed.`;
    }
    default:
      return assertNever(error, 'backup error');
  }
}

export function describeExportError(error: ExportError): string {
  switch (error.code) {
    case 'MISSING_STUDY_KEYS':
      return `No study code for ${error.patientIds.join(', ')}: make a de-identified export (or a backup) in the app once, so every patient has its code, then try again. Nothing was written.`;
    default:
      return assertNever(error.code, 'export error');
  }
}
