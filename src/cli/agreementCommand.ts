// `recist agreement FILE.csv`: two readers' double read of a cohort (a measurement CSV with a `reader` column),
// their agreement on the responses, and the patients an adjudicator must see (issue 20). The cohort screen's
// "Reader agreement" section goes through the same doubleReadAgreement and agreementText.
import { agreementJson, agreementText } from '../agreement/agreementText';
import { doubleReadAgreement } from '../agreement/doubleReadAgreement';
import type { ReaderChoiceProblem } from '../agreement/readerChoice';
import { readMeasurementCsv } from '../export/readMeasurementCsv';
import { assertNever } from '../shared/assertNever';
import { parseArgs } from './args';
import { type CliIo, type CliOutput, readTextFile } from './io';

const usage = (message: string): CliOutput => ({
  stdout: '',
  stderr: `recist agreement: ${message}\nUsage: recist agreement FILE.csv [--readers A,B] [--days N] [--confirm] [--format text|json]\n`,
  exitCode: 2,
});

const refused = (message: string): CliOutput => ({ stdout: '', stderr: `recist agreement: ${message}\n`, exitCode: 2 });

function readerProblem(problem: ReaderChoiceProblem, file: string): CliOutput {
  switch (problem.code) {
    case 'NO_READER':
    case 'ROWS_WITHOUT_READER':
      return refused(`${file} has rows without a reader; a double read names the reader of every row (column reader)`);
    case 'ONE_READER':
      return refused(`${file} has one reader (${problem.reader}); agreement is between two readers of the same patients`);
    case 'NOT_TWO_READERS':
      return usage('--readers takes two different names, e.g. --readers A,B');
    case 'UNKNOWN_READER':
      return usage(`no rows of reader ${problem.unknown.join(', ')} (readers in the file: ${problem.inFile.join(', ')})`);
    case 'NAME_TWO_READERS':
      return usage(`the file has ${problem.inFile.length} readers (${problem.inFile.join(', ')}); agreement is between two: name them with --readers A,B`);
    default:
      return assertNever(problem, 'reader choice problem');
  }
}

export function agreementCommand(args: string[], io: CliIo): CliOutput {
  const parsed = parseArgs(args, { flags: ['--confirm'], valued: ['--readers', '--days', '--format'] });
  if (!parsed.ok) return usage(parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined) return usage('give the measurement CSV file of the double read (with a reader column)');
  if (extra.length > 0) return usage(`one file at a time (also got ${extra.join(' ')})`);
  const format = parsed.values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`--format "${format}" is not text or json`);
  const daysText = parsed.values.get('--days') ?? '0';
  if (!/^\d{1,4}$/.test(daysText)) return usage(`--days "${daysText}" is not a whole number of days`);

  const text = readTextFile(io, 'agreement', file);
  if (typeof text !== 'string') return text;
  const input = readMeasurementCsv(text);
  if (!input.ok) {
    return refused(`${file} was not read; fix these and run again:\n${input.problems.map((p) => `line ${p.line}: ${p.message}`).join('\n')}`);
  }
  const days = Number(daysText);
  const result = doubleReadAgreement(input.patients, {
    readers: parsed.values.get('--readers')?.split(',').map((r) => r.trim()),
    moreThanTwo: 'ask',
    progressionDays: days,
    confirm: parsed.flags.has('--confirm'),
  });
  if (!result.ok) return readerProblem(result.error, file);
  const { report } = result.value;
  return { stdout: format === 'json' ? agreementJson(report) : agreementText(report, days), stderr: '', exitCode: 0 };
}
