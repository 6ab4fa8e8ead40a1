// `recist inspect FILE...`: a JSON array, one object per file, from the same parsing and decoding as the app.
import { inspectFile, type InspectReport } from './inspectFile';
import type { CliIo, CliOutput } from './io';

export async function inspectCommand(args: string[], io: CliIo): Promise<CliOutput> {
  const options = args.filter((a) => a.startsWith('--'));
  if (options.length > 0) {
    return { stdout: '', stderr: `recist inspect: unknown option ${options.join(' ')}\nUsage: recist inspect FILE...\n`, exitCode: 2 };
  }
  if (args.length === 0) return { stdout: '', stderr: 'recist inspect: give one or more DICOM files\nUsage: recist inspect FILE...\n', exitCode: 2 };
  const reports: InspectReport[] = [];
  for (const file of args) {
    let bytes: Uint8Array;
    try {
      bytes = io.readBytes(file);
    } catch (e) {
      const reason = e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
      reports.push({ file, ok: false, error: `could not be read: ${reason}` });
      continue;
    }
    reports.push(await inspectFile(file, bytes));
  }
  const failed = reports.filter((r) => !r.ok).length;
  return {
    stdout: `${JSON.stringify(reports, null, 2)}\n`,
    stderr: failed > 0 ? `recist inspect: ${failed} of ${reports.length} file${reports.length === 1 ? '' : 's'} could not be read\n` : '',
    exitCode: failed > 0 ? 1 : 0,
  };
}
