// What is wrong with a backup's rows: each row through the same restore step as every read, then every reference
// between rows resolved, so that a restore never leaves a lesion, a measurement or a study code pointing at a
// patient, time point or lesion that the file does not hold. Pure: the app and the command line share it.
import { recordsFromRows } from './recordRows';
import {
  restoreAll, restoreFindingRow, restoreLesionRow, restoreMeasurementRow, restorePatientRow, restoreStudyKeyRow, restoreTimepointRow,
  type RestoreProblem,
} from './restore';
import { isRecord } from './shapeChecks';
import type { TableName } from './tableNames';

type Rows = Readonly<Partial<Record<TableName, readonly unknown[]>>>;

/** A kept DICOM file: revived bytes (the app's staging copy), or still encoded as dexie-export-import writes them. */
const isImageRow = (row: unknown): boolean => {
  if (!isRecord(row) || typeof row.studyInstanceUid !== 'string' || typeof row.path !== 'string') return false;
  if (row.bytes instanceof ArrayBuffer) return true;
  return typeof row.bytes === 'string' && isRecord(row.$types) && row.$types.bytes === 'arraybuffer';
};

const imageId = (row: unknown): string =>
  isRecord(row) && typeof row.path === 'string' && row.path !== '' ? row.path : '?';

interface Link {
  readonly table: TableName;
  readonly id: string;
  readonly resolves: boolean;
  readonly detail: string;
}

const toPatient = (table: TableName, id: string, patientId: string, patients: ReadonlySet<string>): Link =>
  ({ table, id, resolves: patients.has(patientId), detail: `its patient ${patientId} is missing` });
const toStudy = (table: TableName, id: string, study: string, studies: ReadonlySet<string>, what = 'its time point'): Link =>
  ({ table, id, resolves: studies.has(study), detail: `${what} (study ${study}) is missing` });

/**
 * The links the repositories keep true (createLesion, putMeasurement and setFinding require the time point of the
 * lesion's patient; nothing deletes a patient or a time point; deleting a lesion deletes what points at it), beyond
 * those recordsFromRows already reports (a time point's patient, a finding's or measurement's lesion). Kept files
 * are left out: they belong to a study that was opened, whether or not it became a time point.
 */
function danglingLinks(rows: Rows): RestoreProblem[] {
  const valid = <T>(table: TableName, restoreOne: (raw: unknown) => { ok: true; value: T } | { ok: false }): T[] =>
    (rows[table] ?? []).flatMap((raw) => { const r = restoreOne(raw); return r.ok ? [r.value] : []; });
  const patients = new Set(valid('patients', restorePatientRow).map((p) => p.id));
  const studies = new Set(valid('timepoints', restoreTimepointRow).map((t) => t.studyInstanceUid));
  const lesions = valid('lesions', restoreLesionRow);
  const lesionIds = new Set(lesions.map((l) => l.id));
  const links: Link[] = [
    ...lesions.flatMap((l) => [
      toPatient('lesions', l.id, l.patientId, patients),
      toStudy('lesions', l.id, l.firstStudyInstanceUid, studies, 'its first time point'),
    ]),
    ...valid('findings', restoreFindingRow).flatMap((f) => [
      toPatient('findings', f.id, f.patientId, patients),
      toStudy('findings', f.id, f.studyInstanceUid, studies),
      ...(f.mergedIntoLesionId === undefined ? [] : [{
        table: 'findings' as const, id: f.id, resolves: lesionIds.has(f.mergedIntoLesionId), detail: `the lesion it merged into (${f.mergedIntoLesionId}) is missing`,
      }]),
    ]),
    ...valid('measurements', restoreMeasurementRow).flatMap((m) => [
      toPatient('measurements', m.id, m.patientId, patients),
      toStudy('measurements', m.id, m.studyInstanceUid, studies),
    ]),
    ...valid('studyKeys', restoreStudyKeyRow).map((k) => toPatient('studyKeys', k.patientId, k.patientId, patients)),
  ];
  return links.filter((l) => !l.resolves).map((l) => ({ code: 'ORPHAN_ROW', table: l.table, id: l.id, detail: l.detail }));
}

/** Every problem of the rows, in table order; none means every row restores and every reference resolves. */
export function backupRowProblems(rows: Rows): RestoreProblem[] {
  const records = recordsFromRows({
    patients: rows.patients ?? [], timepoints: rows.timepoints ?? [], lesions: rows.lesions ?? [],
    findings: rows.findings ?? [], measurements: rows.measurements ?? [],
  });
  const keys = restoreAll(rows.studyKeys ?? [], restoreStudyKeyRow).problems;
  const images: RestoreProblem[] = (rows.images ?? []).filter((r) => !isImageRow(r))
    .map((r) => ({ code: 'MALFORMED_ROW', table: 'images', id: imageId(r), detail: 'it is not a stored file (study, path and bytes)' }));
  return [...records.problems, ...keys, ...danglingLinks(rows), ...images];
}
