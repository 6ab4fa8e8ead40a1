// The patient table for survival analysis on a workstation with several readers: each patient's endpoints from the
// read endpointRead chooses (the adjudicated one in a discordant double read), and three columns that say which read
// each row uses and why. A patient with no usable read yet keeps its row, endpoints blank, so nobody is dropped
// from the analysis unseen.
import type { EndpointRead } from '../agreement/endpointRead';
import type { TrackedPatient } from '../tracking/toPatientRecord';
import { assessTracked } from './assessTracked';
import { csvText, type CsvFormat } from './csvFormat';
import { ordered, patientTable, type ExportFile } from './exportFiles';
import { DEFAULT_LANDMARK_DAYS } from './survivalColumns';

export const READ_COLUMNS = ['read_used', 'read_basis', 'adjudicated_by'] as const;

export interface PatientEndpointRead {
  readonly patientId: string;
  readonly endpoint: EndpointRead;
  /** The rows of the read used; undefined when endpoint.reader is. */
  readonly tracked: TrackedPatient | undefined;
}

export function adjudicatedSurvivalFile(patients: readonly PatientEndpointRead[], format: CsvFormat, landmarkDays = DEFAULT_LANDMARK_DAYS): ExportFile {
  const options = { format, landmarkDays, deidentify: undefined };
  const used = patients.filter((p): p is PatientEndpointRead & { tracked: TrackedPatient } => p.tracked !== undefined);
  const list = ordered(used.map((p) => assessTracked(p.tracked)), options);
  const { header, rows } = patientTable(list, options);
  const readOf = new Map(patients.map((p) => [p.patientId, p.endpoint]));
  const readCells = (e: EndpointRead | undefined) => [e?.reader ?? '', e?.basis ?? '', e?.adjudicator ?? ''];
  const withRead = list.map(({ patient }, i) => [...(rows[i] ?? []), ...readCells(readOf.get(patient.tracked.patient.id))]);
  const idColumn = header.indexOf('patient_id');
  const waiting = patients.filter((p) => p.tracked === undefined).map((p) => {
    const blank = header.map((_, c) => (c === idColumn ? p.patientId : ''));
    return [...blank, ...readCells(p.endpoint)];
  });
  const all = [...withRead, ...waiting].sort((a, b) => (a[idColumn] ?? '').localeCompare(b[idColumn] ?? ''));
  return { kind: 'patients', filename: 'recist-patients-adjudicated.csv', text: csvText([...header, ...READ_COLUMNS], all, format), rows: all.length };
}
