// The sample's follow-up to open at start: the remembered one, else the first not signed off in the record.
import { followUpToOpen, rememberedFollowUp, type FollowUpCandidate } from './followUpToOpen';
import { recordDatabase } from './tracking/recordDatabase';
import { signedOffStudyDates } from '../store/signedOffStudyDates';

/** In the record (database) of the reader reading now: each reader's own choice and sign-offs. */
export const chooseSampleFollowUp = (record: string) => async (patientId: string, followUps: readonly FollowUpCandidate[]): Promise<string | undefined> => {
  const remembered = rememberedFollowUp(record, patientId);
  if (remembered !== undefined && followUps.some((f) => f.folder === remembered)) return remembered;
  const db = await recordDatabase(record);
  // Without the record (storage unavailable, a damaged table) nothing is known signed off: the earliest opens.
  const signedOff = db.ok ? await signedOffStudyDates(db.value, patientId).catch(() => new Set<string>()) : new Set<string>();
  return followUpToOpen(followUps, remembered, signedOff);
};
