// Where one patient's double read stands (issue 20): waiting for two signed-off reads, concordant, discordant (with
// its first discordant time point, for the adjudication list), or adjudicated. The two reads compared are the first
// two readers to sign off their whole read, in the order readers came to the workstation; an adjudication keeps the
// two reads it chose between.
import type { PatientAssessment } from '../recist/types';
import { compareReads, DEFAULT_DISCORDANCE_OPTIONS, type DiscordanceOptions, type ReadComparison } from './compareReads';

/** One reader's read of the patient, as their record stands. */
export interface ReaderRead {
  readonly reader: string;
  /** Undefined until the baseline has a target or non-target lesion. */
  readonly assessment: PatientAssessment | undefined;
  /** Follow-ups read (something recorded at them), and how many of them are signed off. */
  readonly followUps: number;
  readonly signedOffFollowUps: number;
}

export interface AdjudicationChoice {
  readonly readers: readonly [string, string];
  readonly chosenReader: string;
  readonly adjudicator: string;
  readonly reason: string;
  readonly at: string;
}

export type DoubleReadStatus =
  | { readonly kind: 'waiting'; readonly complete: readonly string[]; readonly started: readonly string[] }
  | { readonly kind: 'concordant'; readonly comparison: ReadComparison }
  | { readonly kind: 'discordant'; readonly comparison: ReadComparison }
  | { readonly kind: 'adjudicated'; readonly comparison: ReadComparison; readonly adjudication: AdjudicationChoice };

/** A read is signed off when it has a follow-up read and every follow-up read is signed off. */
export const isSignedOffRead = (read: ReaderRead): boolean =>
  read.assessment !== undefined && read.followUps > 0 && read.signedOffFollowUps === read.followUps;

export function doubleReadStatus(
  reads: readonly ReaderRead[],
  adjudication: AdjudicationChoice | undefined,
  options: DiscordanceOptions = DEFAULT_DISCORDANCE_OPTIONS,
): DoubleReadStatus {
  const complete = reads.filter(isSignedOffRead);
  const pair = adjudication
    ? adjudication.readers.map((r) => complete.find((c) => c.reader === r))
    : complete.slice(0, 2);
  const [one, two] = pair;
  if (one?.assessment === undefined || two?.assessment === undefined) {
    return {
      kind: 'waiting',
      complete: complete.map((r) => r.reader),
      started: reads.filter((r) => r.assessment !== undefined && !isSignedOffRead(r)).map((r) => r.reader),
    };
  }
  const comparison = compareReads({ ...one.assessment, reader: one.reader }, { ...two.assessment, reader: two.reader }, options);
  if (adjudication) return { kind: 'adjudicated', comparison, adjudication };
  return comparison.discordant ? { kind: 'discordant', comparison } : { kind: 'concordant', comparison };
}
