// The patient on screen and one time point per dated study are in the record before anything is measured; undated
// studies cannot be ordered, so the reader is told; so is a study the record has under another patient (left
// there). A start of treatment is filled in when the record has none.
import { useEffect } from 'react';
import type { StudyNode } from '../../dicom/studyTree';
import type { RecistDatabase } from '../../store/database';
import { ensurePatient, setTreatmentDate } from '../../store/patientRepository';
import { describeStudyClashes } from '../../ui/tracking/studyClashWords';
import type { RecordSession } from './recordSession';

export function useEnsurePatient(
  db: RecistDatabase,
  patient: { readonly key: string; readonly name: string },
  studies: readonly StudyNode[],
  defaultTreatmentDate: string | undefined,
  { setNotice, refused, refreshStorage }: Pick<RecordSession, 'setNotice' | 'refused' | 'refreshStorage'>,
): void {
  const studyKey = studies.map((s) => `${s.studyInstanceUid}:${s.date ?? ''}`).join('|');
  useEffect(() => {
    const dated = studies.filter((s): s is typeof s & { date: string } => s.date !== undefined);
    let live = true;
    void ensurePatient(db, {
      id: patient.key,
      name: patient.name,
      studies: dated.map((s) => ({ studyInstanceUid: s.studyInstanceUid, studyDate: s.date, studyDescription: s.description })),
    }).then(async (result) => {
      if (!live) return;
      if (!result.ok) return refused(result.error);
      const { patient: row, clashes } = result.value;
      if (clashes.length > 0) {
        setNotice({ tone: 'error', text: describeStudyClashes(clashes) });
      } else if (dated.length < studies.length) {
        setNotice({ tone: 'info', text: `${studies.length - dated.length} study without a study date is not a time point: its date is needed to order the follow-ups.` });
      }
      if (row.treatmentDate === undefined && defaultTreatmentDate !== undefined) {
        const set = await setTreatmentDate(db, patient.key, defaultTreatmentDate);
        if (!set.ok) refused(set.error);
      }
      refreshStorage();
    });
    return () => { live = false; };
    // studyKey stands for `studies`: the same studies found again need no write.
  }, [db, patient.key, patient.name, studyKey, defaultTreatmentDate, refused, refreshStorage]);
}
