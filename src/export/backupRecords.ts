// The records and the de-identification key inside a backup file, for `recist export`: the same gate as the app's
// restore (store/backupCheck.ts: whole file, declared row counts, every row valid, every reference resolving), so
// a file the app would refuse is refused here too, in the same words (store/backupWords.ts).
import { ok, type Result } from '../shared/result';
import { readBackupText } from '../store/backupCheck';
import type { BackupError } from '../store/backupFile';
import { recordsFromRows } from '../store/recordRows';
import { restoreAll, restoreStudyKeyRow } from '../store/restore';
import type { TrackedPatient } from '../tracking/toPatientRecord';
import type { StudyKey } from './deidentify';

export interface BackupRecords {
  readonly schemaVersion: number;
  readonly patients: readonly TrackedPatient[];
  readonly studyKeys: readonly StudyKey[];
}

export function recordsFromBackup(text: string): Result<BackupRecords, BackupError> {
  const read = readBackupText(text);
  if (!read.ok) return read;
  const { rows, meta } = read.value;
  // The gate found no problem, so these restore every row.
  const records = recordsFromRows({
    patients: rows.patients ?? [], timepoints: rows.timepoints ?? [], lesions: rows.lesions ?? [],
    findings: rows.findings ?? [], measurements: rows.measurements ?? [],
  });
  const keys = restoreAll(rows.studyKeys ?? [], restoreStudyKeyRow);
  return ok({ schemaVersion: meta.schemaVersion, patients: records.patients, studyKeys: keys.rows });
}
