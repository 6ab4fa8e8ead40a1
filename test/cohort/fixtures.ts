// Small builders for patient CSVs: a row is the defaults (alive at the landmark, SD there, OS and PFS censored
// late) with the cells a test cares about overridden.
import { PATIENT_COLUMNS, readCohortCsv, type CohortTable } from '../../src/cohort/patientCsv';
import { writeCsv } from '../../src/shared/csv';

export type Cells = Record<string, string>;

const DEFAULTS: Cells = {
  origin_date: '2022-01-10', baseline_date: '2022-01-03', best_overall_response: 'SD', bor_confirmed: 'SD',
  progression_date: '', last_assessment_date: '2022-12-01', pfs_days: '400', pfs_event: '0', pfs_event_type: '',
  os_days: '500', os_event: '0', landmark_days: '91', landmark_at_risk: '1', landmark_response: 'SD',
  landmark_os_days: '409', landmark_os_event: '0',
};

/** A patient CSV with the export's columns, then `extra` covariate columns. */
export function patientCsv(rows: readonly Cells[], extra: readonly string[] = []): string {
  const header = [...PATIENT_COLUMNS, ...extra];
  return writeCsv(header, rows.map((r, i) => header.map((c) => r[c] ?? (c === 'patient_id' ? `P${i + 1}` : DEFAULTS[c] ?? ''))));
}

export function table(rows: readonly Cells[], extra: readonly string[] = []): CohortTable {
  const read = readCohortCsv(patientCsv(rows, extra));
  if (!read.ok) throw new Error(`fixture refused: ${JSON.stringify(read.error)}`);
  return read.value;
}

/** OS from origin and from the landmark (91) that agree, as the export writes them. */
export function os(days: number, event: boolean): Cells {
  const atRisk = days >= 91;
  return {
    os_days: String(days), os_event: event ? '1' : '0', landmark_at_risk: atRisk ? '1' : '0',
    landmark_os_days: atRisk ? String(days - 91) : '', landmark_os_event: atRisk ? (event ? '1' : '0') : '',
    ...(atRisk ? {} : { landmark_response: '' }),
  };
}
