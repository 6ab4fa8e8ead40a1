// Why an export or a backup read was refused, in the reader's words: the Export menu and `recist export` say it
// alike. Here, beside the export that meets these errors, so neither the screen nor the command line owns them
// (src/ui/messages.ts passes them on to the screen).
import { assertNever } from '../shared/assertNever';
import type { ExportError } from './exportFiles';

/** Why a backup file was not restored (or not read by `recist export`): worded beside the gate that refuses it. */
export { describeBackupError } from '../store/backupWords';

export function describeExportError(error: ExportError): string {
  switch (error.code) {
    case 'MISSING_STUDY_KEYS':
      return `No study code for ${error.patientIds.join(', ')}: make a de-identified export (or a backup) in the app once, so every patient has its code, then try again. Nothing was written.`;
    default:
      return assertNever(error.code, 'export error');
  }
}
