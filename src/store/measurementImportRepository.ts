// Merges a measurement CSV from another workstation into this record, in one transaction: patients, time points
// (matched by scan date) and lesions (matched by label) are created when missing; a lesion's value at a time point
// is written only where this record has none. Every difference is reported as a conflict and left as it is here.
import { groupBy } from '../shared/groupBy';
import type { Result } from '../shared/result';
import type { FindingRow, LesionRow, PatientRow, TimepointRow } from '../tracking/types';
import { nowIso } from './clock';
import type { RecistDatabase } from './database';
import { findingId } from './findingId';
import {
  importedMeasurement, importedValue, mergeOrgan, recordedValue, type ImportedLine, type MergeConflict, type MergeReport,
} from './measurementMerge';
import { rowAxisBelowFloor } from '../tracking/measurementFloor';
import { categoryOfLabel, restoreAll, restoreFindingRow, restoreLesionRow, restoreMeasurementRow, restoreTimepointRow } from './restore';
import type { StoreError } from './storeError';
import { writeTransaction } from './storeTransaction';

const conflictOf = (code: MergeConflict['code'], lines: readonly ImportedLine[], extra: Partial<MergeConflict> = {}): MergeConflict => {
  const first = lines[0] as ImportedLine;
  return { code, lines: lines.map((l) => l.line), patientId: first.patientId, label: first.label, scanDate: first.scanDate, ...extra };
};

interface Counts { added: number; unchanged: number; createdPatients: number; createdTimepoints: number; createdLesions: number }

/** The merge of one patient's lines; the caller's transaction holds every record table. */
async function mergePatient(db: RecistDatabase, patientId: string, lines: readonly ImportedLine[], counts: Counts, conflicts: MergeConflict[]): Promise<void> {
  if ((await db.patients.get(patientId)) === undefined) {
    // The name stays empty: the CSV has none, and opening the patient's files fills it in.
    const patient: PatientRow = { id: patientId, name: '' };
    await db.patients.add(patient);
    counts.createdPatients += 1;
  }
  // Time points of this patient by date: an included study of that date, else a new one for the file's date.
  const timepoints = restoreAll(await db.timepoints.where('patientId').equals(patientId).toArray(), restoreTimepointRow).rows;
  const timepointOf = new Map<string, TimepointRow | MergeConflict['code']>();
  for (const date of new Set(lines.map((l) => l.scanDate))) {
    const sameDay = timepoints.filter((t) => t.studyDate === date);
    const included = sameDay.filter((t) => !t.excluded);
    if (included.length > 1) timepointOf.set(date, 'TIMEPOINT_AMBIGUOUS');
    else if (included.length === 1) timepointOf.set(date, included[0] as TimepointRow);
    else if (sameDay.length > 0) timepointOf.set(date, 'TIMEPOINT_EXCLUDED');
    else {
      const row: TimepointRow = { studyInstanceUid: `csv-import:${patientId}:${date}`, patientId, studyDate: date, studyDescription: 'imported from CSV', excluded: false };
      await db.timepoints.put(row);
      counts.createdTimepoints += 1;
      timepointOf.set(date, row);
    }
  }

  const lesions = restoreAll(await db.lesions.where('patientId').equals(patientId).toArray(), restoreLesionRow).rows;
  for (const [label, ofLesion] of groupBy(lines, (l) => l.label)) {
    const byDate = [...ofLesion].sort((a, b) => (a.scanDate < b.scanDate ? -1 : a.scanDate > b.scanDate ? 1 : 0));
    const first = byDate[0] as ImportedLine;
    const place = mergeOrgan(first.organ, first.nodal);
    if (place === undefined) { conflicts.push(conflictOf('ORGAN_NOT_NODAL', ofLesion)); continue; }
    let lesion = lesions.find((l) => l.label === label);
    if (lesion === undefined) {
      if (categoryOfLabel(label) !== first.category) { conflicts.push(conflictOf('LABEL_NOT_OF_CATEGORY', ofLesion)); continue; }
      const firstTimepoint = timepointOf.get(first.scanDate);
      if (firstTimepoint === undefined || typeof firstTimepoint === 'string') { conflicts.push(conflictOf(firstTimepoint ?? 'TIMEPOINT_AMBIGUOUS', byDate.filter((l) => l.scanDate === first.scanDate))); continue; }
      // The sign-off lock covers the lesions first recorded at a time point (locks.ts): none is added there.
      if (firstTimepoint.signOff !== undefined) { conflicts.push(conflictOf('TIMEPOINT_SIGNED_OFF', ofLesion)); continue; }
      lesion = {
        id: crypto.randomUUID(), patientId, label, category: first.category, organ: place.organ, nodal: first.nodal,
        location: [place.location, first.location ?? ''].filter((l) => l !== '').join(', '), firstStudyInstanceUid: firstTimepoint.studyInstanceUid, createdAt: nowIso(),
      } satisfies LesionRow;
      await db.lesions.add(lesion);
      counts.createdLesions += 1;
    } else if (lesion.category !== first.category || lesion.nodal !== first.nodal || lesion.organ !== place.organ) {
      const describe = (l: { category: string; organ: string }) => `${l.category}, ${l.organ}`;
      conflicts.push(conflictOf('LESION_DIFFERS', ofLesion, { here: describe(lesion), imported: describe({ category: first.category, organ: place.organ }) }));
      continue;
    }
    for (const [date, atDate] of groupBy(byDate, (l) => l.scanDate)) {
      await mergeValue(db, lesion, timepointOf.get(date), atDate, counts, conflicts);
    }
  }
}

/** One lesion at one time point: written where nothing is recorded, counted when the same, a conflict otherwise. */
async function mergeValue(
  db: RecistDatabase, lesion: LesionRow, timepoint: TimepointRow | MergeConflict['code'] | undefined,
  lines: readonly ImportedLine[], counts: Counts, conflicts: MergeConflict[],
): Promise<void> {
  if (timepoint === undefined || typeof timepoint === 'string') { conflicts.push(conflictOf(timepoint ?? 'TIMEPOINT_AMBIGUOUS', lines)); return; }
  const study = timepoint.studyInstanceUid;
  const first = lines[0] as ImportedLine;
  const storedFinding = await db.findings.get(findingId(lesion.id, study));
  const finding = storedFinding === undefined ? undefined : restoreFindingRow(storedFinding);
  const measurements = restoreAll(await db.measurements.where('[lesionId+studyInstanceUid]').equals([lesion.id, study]).toArray(), restoreMeasurementRow).rows;
  const imported = importedValue(lines);
  if (finding !== undefined || measurements.length > 0) {
    const here = finding?.ok ? recordedValue(lesion, finding.value.state, measurements) : 'unreadable';
    if (here === imported) counts.unchanged += 1;
    else conflicts.push(conflictOf('VALUE_DIFFERS', lines, { here, imported }));
    return;
  }
  if (timepoint.signOff !== undefined) { conflicts.push(conflictOf('TIMEPOINT_SIGNED_OFF', lines, { imported })); return; }
  if (first.state === 'merged') { conflicts.push(conflictOf('MERGED_NOT_IMPORTED', lines, { imported })); return; }
  // Fragments keep the file's order: toPatientRecord lists them by createdAt.
  const base = Date.parse(nowIso());
  // A target has measurements exactly when it is 'measured' (findingRules.ts); other lesions keep any axis given.
  const drawn = lesion.category !== 'target' || first.state === 'measured';
  const rows = drawn ? lines.map((line, i) => importedMeasurement(lesion, study, line, new Date(base + i).toISOString())) : [];
  // The floor of measurementRepository, here too: a 0 mm 'measured' target would read as disappeared.
  if (rows.some((m) => m !== undefined && rowAxisBelowFloor(m, false) !== undefined)) {
    conflicts.push(conflictOf('BELOW_MEASUREMENT_FLOOR', lines, { imported }));
    return;
  }
  await db.measurements.bulkAdd(rows.filter((m) => m !== undefined));
  const row: FindingRow = { id: findingId(lesion.id, study), patientId: lesion.patientId, lesionId: lesion.id, studyInstanceUid: study, state: first.state, updatedAt: nowIso() };
  await db.findings.put(row);
  counts.added += 1;
}

export async function mergeMeasurementLines(db: RecistDatabase, lines: readonly ImportedLine[]): Promise<Result<MergeReport, StoreError>> {
  return writeTransaction(db, [db.patients, db.timepoints, db.lesions, db.findings, db.measurements], async () => {
    const counts: Counts = { added: 0, unchanged: 0, createdPatients: 0, createdTimepoints: 0, createdLesions: 0 };
    const conflicts: MergeConflict[] = [];
    for (const [patientId, ofPatient] of groupBy(lines, (l) => l.patientId)) await mergePatient(db, patientId, ofPatient, counts, conflicts);
    return { ...counts, conflicts };
  });
}
