// `recist export BACKUP.json --what measurements|timepoints|patients`: the Export menu's files from a backup of the
// app's database, for scripts and for machines where the browser is not at hand. Thin over src/export.
import { recordsFromBackup } from '../export/backupRecords';
import { DEFAULT_CSV_FORMAT, type CsvFormat } from '../export/csvFormat';
import { keyMap, type Deidentification } from '../export/deidentify';
import { buildExport, EXPORT_KINDS, type ExportKind } from '../export/exportFiles';
import { DEFAULT_LANDMARK_DAYS } from '../export/survivalColumns';
import { describeBackupError, describeExportError } from '../export/exportMessages';
import { parseArgs } from './args';
import { readTextFile, type CliIo, type CliOutput } from './io';

const USAGE =
  'Usage: recist export BACKUP.json --what measurements|timepoints|patients [--landmark-days 91] [--deidentify [--shift-dates]]\n' +
  '                                 [--reader NAME] [--crlf] [--bom]\n';

const usage = (message: string): CliOutput => ({ stdout: '', stderr: `recist export: ${message}\n${USAGE}`, exitCode: 2 });

const isKind = (text: string): text is ExportKind => EXPORT_KINDS.some((k) => k === text);

export function exportCommand(args: string[], io: CliIo): CliOutput {
  const parsed = parseArgs(args, { flags: ['--deidentify', '--shift-dates', '--crlf', '--bom'], valued: ['--what', '--landmark-days', '--reader'] });
  if (!parsed.ok) return usage(parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined) return usage('give the backup file (Export menu, "Back up database")');
  if (extra.length > 0) return usage(`one backup at a time (also got ${extra.join(' ')})`);
  const what = parsed.values.get('--what');
  if (what === undefined || !isKind(what)) return usage(`--what must be one of ${EXPORT_KINDS.join(', ')}${what === undefined ? '' : ` (got "${what}")`}`);
  const landmarkText = parsed.values.get('--landmark-days');
  if (landmarkText !== undefined && !/^\d{1,4}$/.test(landmarkText)) return usage(`--landmark-days "${landmarkText}" is not a whole number of days`);
  const landmarkDays = landmarkText === undefined ? DEFAULT_LANDMARK_DAYS : Number(landmarkText);
  const deidentify = parsed.flags.has('--deidentify');
  if (parsed.flags.has('--shift-dates') && !deidentify) return usage('--shift-dates goes with --deidentify');
  // Whose read the backup is (a reader's record in a double read): the measurement CSV then has a reader column.
  const reader = parsed.values.get('--reader')?.trim();
  if (reader === '') return usage('--reader needs the reader\'s name, as they sign');
  if (reader !== undefined && what !== 'measurements') return usage('--reader goes with --what measurements (the reader column of the measurement CSV)');

  const text = readTextFile(io, 'export', file);
  if (typeof text !== 'string') return text;
  const backup = recordsFromBackup(text);
  if (!backup.ok) return { stdout: '', stderr: `recist export: ${file}: ${describeBackupError(backup.error)}\n`, exitCode: 2 };

  const format: CsvFormat = { ...DEFAULT_CSV_FORMAT, lineEnding: parsed.flags.has('--crlf') ? 'crlf' : 'lf', bom: parsed.flags.has('--bom') };
  const deidentification: Deidentification | undefined = deidentify
    ? { keys: keyMap(backup.value.studyKeys), shiftDates: parsed.flags.has('--shift-dates') }
    : undefined;
  const built = buildExport(what, backup.value.patients, { format, landmarkDays, deidentify: deidentification, reader });
  if (!built.ok) return { stdout: '', stderr: `recist export: ${describeExportError(built.error)}\n`, exitCode: 2 };
  // A backup with a damaged or dangling row was refused above, as the app's restore refuses it: nothing is left out.
  return { stdout: built.value.text, stderr: '', exitCode: 0 };
}
