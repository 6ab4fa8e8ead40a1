// The search form as QIDO-RS query parameters (PS3.18 8.3.4).
import type { StudySearch } from './pacsTypes';

const dicomDate = (iso: string): string => iso.replaceAll('-', '');

/** Study-level match keys and the attributes we want back; empty fields are left out (they would match nothing). */
export function studyQuery(search: StudySearch): URLSearchParams {
  const params = new URLSearchParams();
  const patientId = search.patientId?.trim();
  if (patientId) params.set('PatientID', patientId);
  const name = search.patientName?.trim();
  // A bare word is a prefix, as readers type a family name; one with a wildcard is taken as written.
  if (name) params.set('PatientName', /[*?]/.test(name) ? name : `${name}*`);
  const accession = search.accessionNumber?.trim();
  if (accession) params.set('AccessionNumber', accession);
  const from = search.dateFrom?.trim();
  const to = search.dateTo?.trim();
  if (from || to) params.set('StudyDate', `${from ? dicomDate(from) : ''}-${to ? dicomDate(to) : ''}`);
  for (const include of ['StudyDescription', 'ModalitiesInStudy', 'NumberOfStudyRelatedInstances', 'AccessionNumber']) {
    params.append('includefield', include);
  }
  return params;
}
