// The records and the de-identification key inside a backup file, for `recist export`: the same checks as a restore
// (backupFile.ts) and the same restore step as the app's reads (recordRows.ts), without a database.
import type { Result } from '../shared/result';
import { readBackupText, type BackupError } from '../store/backupFile';
import { recordsFromRows } from '../store/recordRows';
import { restoreAll, restoreStudyKeyRow, type RestoreProblem } from '../store/restore';
import type { TrackedPatient } from '../tracking/toPatientRecord';
import type { StudyKey } from './deidentify';

export interface BackupRecords {
  readonly schemaVersion: number;
  readonly patients: readonly TrackedPatient[];
  readonly studyKeys: readonly StudyKey[];
  /** Damaged rows left out, as the app leaves them out of its exports. */
  readonly problems: readonly RestoreProblem[];
}

export function recordsFromBackup(text: string): Result<BackupRecords, BackupError> {
  const read = readBackupText(text);
  if (!read.ok) return read;
  const { rows, meta } = read.value;
  const records = recordsFromRows({
    patients: rows.patients ?? [], timepoints: rows.timepoints ?? [], lesions: rows.lesions ?? [],
    findings: rows.findings ?? [], measurements: rows.measurements ?? [],
  });
  const keys = restoreAll(rows.studyKeys ?? [], restoreStudyKeyRow);
  return {
    ok: true,
    value: { schemaVersion: meta.schemaVersion, patients: records.patients, studyKeys: keys.rows, problems: [...records.problems, ...keys.problems] },
  };
}
