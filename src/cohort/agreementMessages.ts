// Every word the cohort screen's reader agreement says about a file it cannot compare (STYLE.md, principle 3).
import type { ReaderChoiceProblem } from '../agreement/readerChoice';
import { assertNever } from '../shared/assertNever';
import type { Words } from './cohortMessages';

/** Where a two-reader file comes from, said wherever a file is refused for its readers. */
const HOW_TO_MAKE =
  'A double read is one measurement CSV with a "reader" column naming who read each row. The reading screen\'s ' +
  'export writes that column when a reader is chosen in the title bar; "recist export --what measurements" of each ' +
  'reader\'s backup needs it added. Put both readers\' rows in one file, under one header.';

const list = (names: readonly string[]) => names.join(', ');

/** The measurement CSV itself was refused: each problem with its line. */
export function describeMeasurementProblems(file: string, problems: readonly { readonly line: number; readonly message: string }[]): Words {
  return {
    title: `${file} cannot be compared`,
    message:
      'It is not a measurement CSV that can be read (one row per lesion per time point, with a "reader" column); ' +
      'nothing was compared. Two readers\' rows without a reader column read as each lesion recorded twice. Fix ' +
      'these and open it again:',
    details: problems.map((p) => `line ${p.line}: ${p.message}`),
  };
}

export function describeReaderProblem(file: string, problem: ReaderChoiceProblem): Words {
  switch (problem.code) {
    case 'NO_READER':
      return {
        title: `${file} has no reader column`,
        message: `Reader agreement compares two readers' reads of the same patients, so the file needs a "reader" column (this one has none, or it is empty). ${HOW_TO_MAKE}`,
        details: [],
      };
    case 'ROWS_WITHOUT_READER':
      return {
        title: `${file} has rows without a reader`,
        message: `Every row of a double read names its reader; the rows of ${problem.patients.length === 1 ? 'this patient have' : `these ${problem.patients.length} patients have`} none. Fill in the reader column and open the file again.`,
        details: [list(problem.patients.slice(0, 20)) + (problem.patients.length > 20 ? ` … and ${problem.patients.length - 20} more` : '')],
      };
    case 'ONE_READER':
      return {
        title: `${file} has one reader only (${problem.reader})`,
        message: `Agreement is between two readers of the same patients. ${HOW_TO_MAKE}`,
        details: [],
      };
    case 'UNKNOWN_READER':
      return {
        title: `No reader ${list(problem.unknown)} in ${file}`,
        message: `Choose two of the readers in the file: ${list(problem.inFile)}.`,
        details: [],
      };
    case 'NOT_TWO_READERS':
      return { title: 'Choose two different readers', message: `Agreement is between two readers; the choice was ${list(problem.asked)}.`, details: [] };
    case 'NAME_TWO_READERS':
      return { title: `${file} has ${problem.inFile.length} readers`, message: `Choose the two to compare: ${list(problem.inFile)}.`, details: [] };
    default:
      return assertNever(problem, 'reader choice problem');
  }
}

/** The demo double read could not be fetched (offline before the app was ever loaded online, or a broken install). */
export function describeDemoReadsUnavailable(detail: string): Words {
  return {
    title: 'The demo two-reader file is not available',
    message: 'It could not be fetched. You can still open a two-reader measurement CSV from this computer.',
    details: [detail],
  };
}
