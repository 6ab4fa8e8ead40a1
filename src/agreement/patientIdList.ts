// A cohort set to double read, from a CSV file of patient ids: a `patient_id` column (any other columns are left
// alone, so a patient CSV exported for survival works as it is), or a file of one column, an id per line.
import { describeCsvParseError, parseCsv } from '../shared/csv';

export type PatientIdList = { readonly ok: true; readonly ids: readonly string[] } | { readonly ok: false; readonly message: string };

const ID_HEADERS = ['patient_id', 'patientid', 'patient id', 'id'];

export function readPatientIdList(text: string): PatientIdList {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: `line ${parsed.error.line}: ${describeCsvParseError(parsed.error)}` };
  const rows = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header] = rows;
  if (header === undefined) return { ok: false, message: 'the file has no patient ids: give a column patient_id, or one id per line' };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const column = names.findIndex((n) => ID_HEADERS.includes(n));
  if (column < 0 && header.fields.length > 1) {
    return { ok: false, message: `no patient_id column (the header names ${header.fields.map((f) => f.trim()).join(', ')}): name the column of patient ids patient_id` };
  }
  const body = column < 0 ? rows : rows.slice(1);
  const at = Math.max(column, 0);
  const ids = [...new Set(body.map((r) => (r.fields[at] ?? '').trim()).filter((id) => id !== ''))];
  if (ids.length === 0) return { ok: false, message: 'the patient_id column is empty: no patient was set to double read' };
  return { ok: true, ids };
}
