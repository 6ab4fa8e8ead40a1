// `recist inspect PATH...`: a JSON array, one object per file, from the same parsing and decoding as the app. Folders
// are walked recursively, as "Open folder…" walks them; each object is printed as soon as it and those before it
// are ready, so a folder of any size is inspected in bounded memory.
import { availableParallelism } from 'node:os';
import type { DicomErrorCode } from '../dicom/dicomError';
import { describeSkipped } from '../dicom/dicomMessages';
import type { SkippedFiles } from '../dicom/loadError';
import { filesToInspect, type InspectTarget } from './filesToInspect';
import { inspectFile, unreadableReport, type InspectReport } from './inspectFile';
import { inspectPool } from './inspectPool';
import type { CliIo, CliOutput } from './io';

const USAGE = 'Usage: recist inspect FILE_OR_FOLDER...\n';

/** What a folder may hold besides images (notes, a DICOMDIR, reports): passed over as the app passes over them. */
const SKIPPED_IN_FOLDERS: ReadonlySet<DicomErrorCode> = new Set(['NOT_DICOM', 'NO_PIXEL_DATA']);

/** Most threads worth starting: beyond this, reading the files from disk is what waits. */
const MAX_THREADS = 8;

type Printed = InspectReport & { skipped?: true };

export async function inspectCommand(args: string[], io: CliIo): Promise<CliOutput> {
  const options = args.filter((a) => a.startsWith('--'));
  if (options.length > 0) return { stdout: '', stderr: `recist inspect: unknown option ${options.join(' ')}\n${USAGE}`, exitCode: 2 };
  if (args.length === 0) return { stdout: '', stderr: `recist inspect: give one or more DICOM files or folders\n${USAGE}`, exitCode: 2 };

  let collected = '';
  const write = io.writeOut ?? ((text: string) => void (collected += text));
  const threads = Math.min(MAX_THREADS, availableParallelism());
  // One core: a worker thread would only add its start-up and the messages to the same work.
  const pool = io.inspectWorker === undefined || threads < 2 ? undefined : inspectPool(io.inspectWorker, threads);
  // Reports in flight, in output order: a window of two per thread keeps every thread busy while the oldest prints.
  const window = pool === undefined ? 1 : 2 * threads;
  const inFlight: Promise<Printed>[] = [];

  const reportOf = async (target: InspectTarget): Promise<Printed> => {
    if (target.kind === 'unreadable') return unreadableReport(target.path, target.thrown);
    const report = pool ? await pool.inspect(target.path) : await inspectHere(target.path, io);
    return !report.ok && !target.named && SKIPPED_IN_FOLDERS.has(report.code) ? { ...report, skipped: true } : report;
  };

  let printed = 0;
  let failed = 0;
  const skipped: Partial<Record<DicomErrorCode, number>> = {};
  const print = (report: Printed) => {
    write(`${printed === 0 ? '[\n' : ',\n'}${indent(JSON.stringify(report, null, 2))}`);
    printed++;
    if (report.ok) return;
    if (report.skipped) skipped[report.code] = (skipped[report.code] ?? 0) + 1;
    else failed++;
  };

  try {
    for (const target of filesToInspect(args)) {
      inFlight.push(reportOf(target));
      if (inFlight.length >= window) print(await (inFlight.shift() as Promise<Printed>));
    }
    for (const next of inFlight.splice(0)) print(await next);
  } finally {
    await pool?.close();
  }
  write(printed === 0 ? '[]\n' : '\n]\n');
  return { stdout: collected, stderr: summary(printed, failed, skipped), exitCode: failed > 0 || printed === sum(skipped) ? 1 : 0 };
}

async function inspectHere(path: string, io: CliIo): Promise<InspectReport> {
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(path);
  } catch (thrown: unknown) {
    return unreadableReport(path, thrown);
  }
  return inspectFile(path, bytes);
}

/** An array element as JSON.stringify(array, null, 2) would print it. */
const indent = (json: string) => `  ${json.replace(/\n/g, '\n  ')}`;

const sum = (counts: SkippedFiles) => Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);

function summary(printed: number, failed: number, skipped: SkippedFiles): string {
  const lines: string[] = [];
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  if (printed === 0) lines.push('recist inspect: no files found in the folders given');
  else if (sum(skipped) === printed) lines.push(`recist inspect: none of the ${files(printed)} is a DICOM image`);
  if (failed > 0) lines.push(`recist inspect: ${failed} of ${files(printed)} could not be read`);
  if (sum(skipped) > 0) lines.push(`recist inspect: skipped, as the app skips them: ${describeSkipped(skipped)}`);
  return lines.map((l) => `${l}\n`).join('');
}
