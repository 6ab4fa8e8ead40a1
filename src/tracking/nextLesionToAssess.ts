// "Next lesion": the reader walks a time point from the keyboard, lesion by lesion, to the ones still open. A lesion
// is open where the checklist offers it (a new lesion only where it was first seen) and nothing is recorded for it
// there yet; the walk goes in label order (T1, T2, NT1, N1...) after the selected one and wraps around to it.
import { lesionValue, type RecordIndex } from './lesionValue';
import { compareLabels } from './toPatientRecord';
import type { LesionRow } from './types';

export function nextLesionToAssess(
  lesions: readonly LesionRow[], selectedLesionId: string | undefined, studyUid: string, index: RecordIndex,
): LesionRow | undefined {
  const ordered = [...lesions].sort((a, b) => compareLabels(a.label, b.label));
  const start = ordered.findIndex((l) => l.id === selectedLesionId) + 1;
  // The selected lesion comes last: N on the only open lesion stays on it (and shows it again).
  for (let step = 0; step < ordered.length; step++) {
    const lesion = ordered[(start + step) % ordered.length] as LesionRow;
    const offeredHere = lesion.category !== 'new' || lesion.firstStudyInstanceUid === studyUid;
    if (offeredHere && lesionValue(lesion, studyUid, index).state === undefined) return lesion;
  }
  return undefined;
}
