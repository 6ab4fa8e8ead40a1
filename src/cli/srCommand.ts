// `recist sr write BACKUP.json --out DIR` and `recist sr read FILE... [--format csv|json]`: the DICOM SR (TID 1500)
// files the app sends to the PACS, from a backup, and the measurement CSV back from SR files. Thin over src/sr.
import { join } from 'node:path';
import { recordsFromBackup } from '../export/backupRecords';
import { DEFAULT_CSV_FORMAT } from '../export/csvFormat';
import { describeBackupError, describeExportError } from '../export/exportMessages';
import { buildExport } from '../export/exportFiles';
import { DEFAULT_LANDMARK_DAYS } from '../export/survivalColumns';
import { buildMeasurementReport, describeSrReadError, describeSrWriteError, readMeasurementReport, trackedPatientsFromReports, type ReadReport } from '../sr';
import { isReportTimepoint } from '../tracking/source';
import { parseArgs } from './args';
import { readTextFile, type CliIo, type CliOutput } from './io';

const USAGE =
  'Usage: recist sr write BACKUP.json --out DIR     one DICOM SR (TID 1500) per patient and time point\n' +
  '       recist sr read FILE... [--format csv|json]  the measurement CSV (or the reports as JSON) from SR files\n';

const usage = (message: string): CliOutput => ({ stdout: '', stderr: `recist sr: ${message}\n${USAGE}`, exitCode: 2 });

const reason = (e: unknown) => (e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e));

function writeCommand(args: string[], io: CliIo): CliOutput {
  const parsed = parseArgs(args, { flags: [], valued: ['--out'] });
  if (!parsed.ok) return usage(parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined) return usage('give the backup file (Export menu, "Back up database")');
  if (extra.length > 0) return usage(`one backup at a time (also got ${extra.join(' ')})`);
  const out = parsed.values.get('--out');
  if (out === undefined) return usage('give the folder to write the SR files to: --out DIR');
  if (io.writeBytes === undefined) return { stdout: '', stderr: 'recist sr write: this runner cannot write files\n', exitCode: 2 };

  const text = readTextFile(io, 'sr write', file);
  if (typeof text !== 'string') return text;
  const backup = recordsFromBackup(text);
  if (!backup.ok) return { stdout: '', stderr: `recist sr write: ${file}: ${describeBackupError(backup.error)}\n`, exitCode: 2 };

  const written: string[] = [];
  const skipped: string[] = [];
  const names = new Set<string>();
  for (const patient of backup.value.patients) {
    for (const timepoint of patient.timepoints) {
      const where = `${patient.patient.id} ${timepoint.studyDate}`;
      if (isReportTimepoint(timepoint)) {
        skipped.push(`  ${where}: typed in from a report, no CT study to put an SR into`);
        continue;
      }
      const built = buildMeasurementReport({ patient, studyInstanceUid: timepoint.studyInstanceUid });
      if (!built.ok) {
        skipped.push(`  ${where}: ${describeSrWriteError(built.error)}`);
        continue;
      }
      // Two studies of one patient on one day would share a name: the second gets -2.
      const base = built.value.filename.replace(/\.dcm$/, '');
      let name = built.value.filename;
      for (let n = 2; names.has(name); n++) name = `${base}-${n}.dcm`;
      names.add(name);
      const path = join(out, name);
      try {
        io.writeBytes(path, built.value.bytes);
      } catch (e) {
        return { stdout: written.join(''), stderr: `recist sr write: cannot write ${path}: ${reason(e)}\n`, exitCode: 2 };
      }
      written.push(`${path}\t${patient.patient.id}\t${timepoint.studyDate}\t${built.value.sopInstanceUid}\n`);
    }
  }
  const note = skipped.length === 0 ? '' : `recist sr write: ${skipped.length} time point${skipped.length === 1 ? '' : 's'} without an SR:\n${skipped.join('\n')}\n`;
  if (written.length === 0) return { stdout: '', stderr: `${note}recist sr write: no SR written: nothing recorded at an image time point in ${file}\n`, exitCode: 1 };
  return { stdout: written.join(''), stderr: note, exitCode: 0 };
}

function readCommand(args: string[], io: CliIo): CliOutput {
  const parsed = parseArgs(args, { flags: [], valued: ['--format'] });
  if (!parsed.ok) return usage(parsed.message);
  const format = parsed.values.get('--format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') return usage(`--format must be csv or json (got "${format}")`);
  if (parsed.positional.length === 0) return usage('give the SR files to read');

  const reports: ReadReport[] = [];
  const problems: string[] = [];
  for (const file of parsed.positional) {
    let bytes: Uint8Array;
    try {
      bytes = io.readBytes(file);
    } catch (e) {
      problems.push(`recist sr read: cannot read ${file}: ${reason(e)}`);
      continue;
    }
    const read = readMeasurementReport(bytes);
    if (read.ok) reports.push(read.value);
    else problems.push(`recist sr read: ${file}: ${describeSrReadError(read.error)}`);
  }
  // Refused as a whole, as assess refuses a bad CSV: a table missing one time point would give wrong responses.
  if (problems.length > 0) return { stdout: '', stderr: `${problems.join('\n')}\nNothing was written.\n`, exitCode: 2 };
  if (format === 'json') return { stdout: `${JSON.stringify(reports, null, 2)}\n`, stderr: '', exitCode: 0 };
  const built = buildExport('measurements', trackedPatientsFromReports(reports), { format: DEFAULT_CSV_FORMAT, landmarkDays: DEFAULT_LANDMARK_DAYS, deidentify: undefined });
  if (!built.ok) return { stdout: '', stderr: `recist sr read: ${describeExportError(built.error)}\n`, exitCode: 2 };
  return { stdout: built.value.text, stderr: '', exitCode: 0 };
}

export function srCommand(args: string[], io: CliIo): CliOutput {
  const [action, ...rest] = args;
  if (action === 'write') return writeCommand(rest, io);
  if (action === 'read') return readCommand(rest, io);
  if (action === '--help' || action === '-h') return { stdout: USAGE, stderr: '', exitCode: 0 };
  return usage(action === undefined ? 'say write or read' : `unknown action "${action}" (write or read)`);
}
