// Which follow-up of the sample opens after a reload: the one the reader was reading (the last chosen, kept in this
// browser), else the first not yet signed off, so a reload does not drop the reader back on a finished Follow-up 1.

export interface FollowUpCandidate {
  readonly folder: string;
  readonly studyDate: string;
}

const KEY = 'recist-reader:follow-up-being-read';

/** The follow-up the reader chose last for `patientId`, kept in this browser (undefined when storage is off). */
export function rememberedFollowUp(patientId: string): string | undefined {
  try {
    return localStorage.getItem(`${KEY}:${patientId}`) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberFollowUp(patientId: string, folder: string): void {
  try {
    localStorage.setItem(`${KEY}:${patientId}`, folder);
  } catch {
    // Storage refused (private mode, quota): the choice is simply not kept; reading goes on.
  }
}

/**
 * The remembered follow-up if it is still one of the candidates; else the first whose study date has no signed-off
 * time point; else the first (everything signed off: the earliest, as before).
 */
export function followUpToOpen(
  candidates: readonly FollowUpCandidate[], remembered: string | undefined, signedOffDates: ReadonlySet<string>,
): string | undefined {
  if (remembered !== undefined && candidates.some((c) => c.folder === remembered)) return remembered;
  return (candidates.find((c) => !signedOffDates.has(c.studyDate)) ?? candidates[0])?.folder;
}
