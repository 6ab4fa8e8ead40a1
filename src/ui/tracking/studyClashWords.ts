// What the reader is told when the files put a study under another patient than the record has it: which study,
// both patient ids, that neither record was changed, and what to do.
import type { StudyClash } from '../../store/patientRepository';

export function describeStudyClashes(clashes: readonly StudyClash[]): string {
  const [first] = clashes;
  if (first === undefined) return '';
  const studies = clashes.map((c) => `study ${c.studyInstanceUid} is recorded under patient ${c.recordedPatientId}`).join('; ');
  return `These files say patient ${first.filePatientId}, but ${studies}. ` +
    `The same study under two patient IDs usually follows a bad anonymisation. Both records are kept as they were: ` +
    `the images are shown, but ${clashes.length === 1 ? 'that study is' : 'those studies are'} not added to ${first.filePatientId}'s time points ` +
    `and cannot be measured here. Open ${first.recordedPatientId}'s record to measure ${clashes.length === 1 ? 'it' : 'them'}, or correct the PatientID in the files.`;
}
