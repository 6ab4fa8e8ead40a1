// Which two readers of a double read are compared. A file names its readers in the `reader` column; agreement is
// between two of them, named by the user or, where the caller allows it, the first two in name order.
import { err, ok, type Result } from '../shared/result';

export type ReaderChoiceProblem =
  /** No row names a reader: the file is a single read (or its reader column is empty). */
  | { readonly code: 'NO_READER' }
  /** Some patients' rows name a reader and others do not. */
  | { readonly code: 'ROWS_WITHOUT_READER'; readonly patients: readonly string[] }
  | { readonly code: 'ONE_READER'; readonly reader: string }
  /** The names asked for are not two different names. */
  | { readonly code: 'NOT_TWO_READERS'; readonly asked: readonly string[] }
  | { readonly code: 'UNKNOWN_READER'; readonly unknown: readonly string[]; readonly inFile: readonly string[] }
  /** More than two readers and none named, where the caller wants them named. */
  | { readonly code: 'NAME_TWO_READERS'; readonly inFile: readonly string[] };

export interface ReaderChoice {
  readonly readers: readonly [string, string];
  /** Every reader of the file, in name order. */
  readonly inFile: readonly string[];
}

/** What to do with more than two readers when none are named: refuse (the command line) or take the first two. */
export type MoreThanTwoReaders = 'ask' | 'first two';

export function chooseReaders(
  reads: readonly { readonly patientId: string; readonly reader?: string }[],
  asked: readonly string[] | undefined,
  moreThanTwo: MoreThanTwoReaders,
): Result<ReaderChoice, ReaderChoiceProblem> {
  const inFile = [...new Set(reads.flatMap((r) => (r.reader === undefined ? [] : [r.reader])))].sort();
  if (inFile.length === 0) return err({ code: 'NO_READER' });
  const unnamed = [...new Set(reads.filter((r) => r.reader === undefined).map((r) => r.patientId))];
  if (unnamed.length > 0) return err({ code: 'ROWS_WITHOUT_READER', patients: unnamed });
  if (inFile.length === 1) return err({ code: 'ONE_READER', reader: inFile[0] as string });
  if (asked !== undefined) {
    const [first, second] = asked;
    if (asked.length !== 2 || first === undefined || second === undefined || first === second) return err({ code: 'NOT_TWO_READERS', asked });
    const unknown = asked.filter((r) => !inFile.includes(r));
    if (unknown.length > 0) return err({ code: 'UNKNOWN_READER', unknown, inFile });
    return ok({ readers: [first, second], inFile });
  }
  if (inFile.length > 2 && moreThanTwo === 'ask') return err({ code: 'NAME_TWO_READERS', inFile });
  return ok({ readers: [inFile[0] as string, inFile[1] as string], inFile });
}
