// Which follow-up of the sample opens after a reload: the one the reader was reading (the last chosen, kept in this
// browser), else the first not yet signed off, so a reload does not drop the reader back on a finished Follow-up 1.
import { DEFAULT_DATABASE_NAME } from '../store/database';

export interface FollowUpCandidate {
  readonly folder: string;
  readonly studyDate: string;
}

const KEY = 'recist-reader:follow-up-being-read';

/**
 * Kept per reader's record: one reader's choice must not show another reader what they read last (a blinded
 * double read). The first record keeps the key it had before readers had records of their own.
 */
const keyOf = (record: string, patientId: string) =>
  record === DEFAULT_DATABASE_NAME ? `${KEY}:${patientId}` : `${KEY}:${record}:${patientId}`;

/** The follow-up the reader chose last for `patientId`, kept in this browser (undefined when storage is off). */
export function rememberedFollowUp(record: string, patientId: string): string | undefined {
  try {
    return localStorage.getItem(keyOf(record, patientId)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberFollowUp(record: string, patientId: string, folder: string): void {
  try {
    localStorage.setItem(keyOf(record, patientId), folder);
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
