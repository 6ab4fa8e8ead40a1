// Which read a patient's survival endpoint comes from (issue 20), and why: a single read as it is; a double read
// whose two signed-off reads agree, the first reader's (they give the same labels); a discordant one, the read the
// adjudicator chose, or none until then; an incomplete one, none yet. Never silently one reader's discordant read.
import { doubleReadStatus, type AdjudicationChoice, type ReaderRead } from './doubleReadStatus';

export type ReadBasis =
  | 'single read'
  | 'double read, concordant'
  | 'double read, adjudicated'
  | 'double read, awaiting adjudication'
  | 'double read, not complete';

export interface EndpointRead {
  /** The reader whose read gives the endpoint; undefined when none may be used yet. */
  readonly reader: string | undefined;
  readonly basis: ReadBasis;
  readonly adjudicator: string | undefined;
}

/**
 * `reads` in the order readers came to the workstation; `preferred` (the reader reading now) is used for a single
 * read that more than one reader has begun.
 */
export function endpointRead(
  reads: readonly ReaderRead[],
  doubleRead: boolean,
  adjudication: AdjudicationChoice | undefined,
  preferred: string | undefined,
): EndpointRead {
  if (!doubleRead) {
    const assessed = reads.filter((r) => r.assessment !== undefined);
    const chosen = assessed.find((r) => r.reader === preferred) ?? assessed[0];
    return { reader: chosen?.reader, basis: 'single read', adjudicator: undefined };
  }
  const status = doubleReadStatus(reads, adjudication);
  switch (status.kind) {
    case 'waiting':
      return { reader: undefined, basis: 'double read, not complete', adjudicator: undefined };
    case 'concordant':
      return { reader: status.comparison.readers[0], basis: 'double read, concordant', adjudicator: undefined };
    case 'discordant':
      return { reader: undefined, basis: 'double read, awaiting adjudication', adjudicator: undefined };
    case 'adjudicated':
      return { reader: status.adjudication.chosenReader, basis: 'double read, adjudicated', adjudicator: status.adjudication.adjudicator };
  }
}
