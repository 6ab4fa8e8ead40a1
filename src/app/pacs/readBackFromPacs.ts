// A patient's reads in the PACS -> this browser's record: every SR of the patient's studies (QIDO-RS, modality SR)
// retrieved and read (src/sr), the record rebuilt from them, and each time point compared with the read here: one
// with nothing read here is taken as it is; one read the same is left; one read differently is returned for the
// reader to choose. Nothing is overwritten without that choice.
import { compareTimepoint, inLocalTerms } from '../../pacs/compareReads';
import type { PacsClient } from '../../pacs/pacsClient';
import type { PacsError } from '../../pacs/pacsError';
import { err, ok, type Result } from '../../shared/result';
import { readMeasurementReport } from '../../sr/readMeasurementReport';
import { trackedPatientsFromReports } from '../../sr/recordFromReports';
import type { ReadReport } from '../../sr/types';
import type { RecistDatabase } from '../../store/database';
import { adoptPacsRead } from '../../store/pacsReadRepository';
import { readPatientRecord } from '../../store/readPatientRecord';
import type { TrackedPatient } from '../../tracking/toPatientRecord';
import type { TimepointRow } from '../../tracking/types';
import { trackedPatient } from '../tracking/deriveRecord';

export interface ReadConflict {
  readonly timepoint: TimepointRow;
  readonly local: string;
  readonly pacs: string;
  /** The PACS record in this browser's lesion ids, to adopt if the reader chooses it. */
  readonly record: TrackedPatient;
}

export interface ReadBack {
  readonly reports: number;
  /** SRs that are not ours to read (another tool's SR of another template, a damaged file). */
  readonly unreadable: number;
  readonly adopted: readonly TimepointRow[];
  readonly same: number;
  readonly conflicts: readonly ReadConflict[];
  /** Time points adopted or left whose write failed (storage), in words from the store's error. */
  readonly failed: number;
  /** Reports of other readers of a blind double read, put into their own records, never into this one. */
  readonly otherReaders: number;
}

/**
 * A blind double read: only the reports of `reader` join this record; another reader's go to that reader's own
 * record (`recordOf`), where a second reading, or an adjudication, finds them.
 */
export interface BlindRead {
  readonly reader: string | undefined;
  readonly recordOf: (reader: string) => Promise<RecistDatabase | undefined>;
}

/** Whose read a report is: the reader who signed it off, else its first person observer. */
export const readerOfReport = (report: ReadReport): string | undefined => report.signOff?.reader ?? report.observers[0];

/** `beforeAdopt` hears of each time point about to be taken (before the write any live query sees). */
export async function readBackFromPacs(db: RecistDatabase, client: PacsClient, patientId: string,
  options: { readonly signal?: AbortSignal; readonly beforeAdopt?: (timepoint: TimepointRow) => void; readonly blind?: BlindRead } = {}):
  Promise<Result<ReadBack, PacsError>> {
  const call = { signal: options.signal };
  const studies = await client.searchStudies({ patientId }, call);
  if (!studies.ok) return studies;
  const reports: ReadReport[] = [];
  let unreadable = 0;
  for (const study of studies.value.filter((s) => s.patientId === patientId)) {
    const instances = await client.reportsOf(study.studyInstanceUid, call);
    if (!instances.ok) return instances;
    for (const instance of instances.value) {
      const file = await client.retrieveInstance(instance, call);
      if (!file.ok) return err(file.error);
      const read = readMeasurementReport(file.value);
      if (read.ok && read.value.patient.id === patientId) reports.push(read.value);
      else unreadable++;
    }
  }
  const blind = options.blind;
  if (!blind) return ok({ ...(await takeReports(db, patientId, reports, options.beforeAdopt)), unreadable, otherReaders: 0 });
  const mine = reports.filter((r) => readerOfReport(r) === blind.reader);
  const others = new Map<string, ReadReport[]>();
  for (const r of reports) {
    const reader = readerOfReport(r);
    if (reader !== undefined && reader !== blind.reader) others.set(reader, [...(others.get(reader) ?? []), r]);
  }
  let otherReaders = 0;
  for (const [reader, theirs] of others) {
    const record = await blind.recordOf(reader);
    // Their differing time points stay as they are in their record: they choose there, not here.
    if (record) otherReaders += (await takeReports(record, patientId, theirs, undefined)).reports;
  }
  return ok({ ...(await takeReports(db, patientId, mine, options.beforeAdopt)), unreadable, otherReaders });
}

/** Reports of one reader's read into one record: new time points taken, differing ones returned to choose. */
async function takeReports(db: RecistDatabase, patientId: string, reports: readonly ReadReport[],
  beforeAdopt: ((timepoint: TimepointRow) => void) | undefined): Promise<Omit<ReadBack, 'unreadable' | 'otherReaders'>> {
  const pacsRecord = trackedPatientsFromReports(reports).find((p) => p.patient.id === patientId);
  if (!pacsRecord) return { reports: 0, adopted: [], same: 0, conflicts: [], failed: 0 };

  const local = trackedPatient(await readPatientRecord(db, patientId));
  const record = inLocalTerms(pacsRecord, local);
  const adopted: TimepointRow[] = [];
  const conflicts: ReadConflict[] = [];
  let same = 0;
  let failed = 0;
  for (const timepoint of record.timepoints) {
    const compared = compareTimepoint(local, record, timepoint.studyInstanceUid);
    switch (compared.kind) {
      case 'same':
        same++;
        break;
      case 'different':
        conflicts.push({ timepoint, local: compared.local, pacs: compared.pacs, record });
        break;
      case 'only-in-pacs': {
        beforeAdopt?.(timepoint);
        const written = await adoptPacsRead(db, record, timepoint.studyInstanceUid);
        if (written.ok) adopted.push(written.value);
        else failed++;
        break;
      }
    }
  }
  return { reports: reports.length, adopted, same, conflicts, failed };
}

/** The outcome in one line for the panel. */
export function readBackLine(result: ReadBack): string {
  const others = result.otherReaders > 0
    ? ` ${result.otherReaders} report${result.otherReaders === 1 ? '' : 's'} of other readers of this blind double read went to their own records, unseen here.`
    : '';
  if (result.reports === 0) {
    if (others) return `No report of yours for this patient in the PACS.${others}`;
    return result.unreadable > 0
      ? `The PACS holds ${result.unreadable} report${result.unreadable === 1 ? '' : 's'} of this patient that are not RECIST measurement reports this app can read.`
      : 'No RECIST report of this patient in the PACS yet.';
  }
  const parts = [
    result.adopted.length > 0 ? `${result.adopted.length} time point${result.adopted.length === 1 ? '' : 's'} taken into this browser's record` : '',
    result.same > 0 ? `${result.same} read the same here` : '',
    result.conflicts.length > 0 ? `${result.conflicts.length} read differently here: choose below` : '',
    result.failed > 0 ? `${result.failed} could not be saved in this browser (storage)` : '',
    result.unreadable > 0 ? `${result.unreadable} other report${result.unreadable === 1 ? '' : 's'} not readable` : '',
  ].filter(Boolean);
  return `Read back ${result.reports} report${result.reports === 1 ? '' : 's'} from the PACS: ${parts.join('; ')}.${others}`;
}
