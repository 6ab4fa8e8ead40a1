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

/** Most threads worth using: beyond this, reading the files from disk is what waits. */
const MAX_THREADS = 8;

/** Reports waiting for an earlier one before they can be printed, at most. */
const QUEUED_REPORTS = 64;

type Printed = InspectReport & { skipped?: true };

export async function inspectCommand(args: string[], io: CliIo): Promise<CliOutput> {
  const options = args.filter((a) => a.startsWith('--'));
  if (options.length > 0) return { stdout: '', stderr: `recist inspect: unknown option ${options.join(' ')}\n${USAGE}`, exitCode: 2 };
  if (args.length === 0) return { stdout: '', stderr: `recist inspect: give one or more DICOM files or folders\n${USAGE}`, exitCode: 2 };

  let collected = '';
  const write = io.writeOut ?? ((text: string) => void (collected += text));
  // This thread inspects files too (between printing), so one worker fewer than cores: a worker thread costs its
  // start-up and a copy of the DICOM code. On one core, none: it would only add that to the same work.
  const workers = Math.min(MAX_THREADS, availableParallelism()) - 1;
  const pool = io.inspectWorker === undefined || workers < 1 ? undefined : inspectPool(io.inspectWorker, workers);

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

  // Reports in output order, each printed as soon as it and those before it are ready. The queue holds reports
  // (about 1 kB each), never file bytes, and is bounded: only when it is full does this thread wait for the oldest.
  // Until then it inspects the next file itself rather than wait for a worker the system has not run yet (on a busy
  // machine, waiting made the workers slower than one thread).
  const queue: { report: Printed | undefined; readonly ready: Promise<Printed> }[] = [];
  const limit = pool === undefined ? 1 : QUEUED_REPORTS;
  const enqueue = (ready: Promise<Printed>, report?: Printed) => {
    const entry = { report, ready };
    if (report === undefined) ready.then((r) => void (entry.report = r), () => undefined);
    queue.push(entry);
  };
  const printReady = () => {
    while (queue[0]?.report !== undefined) print((queue.shift() as { report: Printed }).report);
  };
  const asPrinted = (target: InspectTarget & { kind: 'file' }, report: InspectReport): Printed =>
    !report.ok && !target.named && SKIPPED_IN_FOLDERS.has(report.code) ? { ...report, skipped: true } : report;

  let files = 0;
  try {
    for (const target of filesToInspect(args)) {
      if (target.kind === 'unreadable') {
        const report = unreadableReport(target.path, target.thrown);
        enqueue(Promise.resolve(report), report);
      } else if (pool !== undefined && files > 0 && pool.hasRoom()) {
        enqueue(pool.inspect(target.path).then((report) => asPrinted(target, report)));
      } else {
        // The first file here (a single file starts no thread), and any file while every worker has its hands full.
        const report = asPrinted(target, await inspectHere(target.path, io));
        enqueue(Promise.resolve(report), report);
        // Let the workers' finished reports in, so they get their next file without waiting for this thread.
        if (pool !== undefined) await new Promise((resolve) => setImmediate(resolve));
      }
      files++;
      printReady();
      while (queue.length >= limit) {
        await queue[0]?.ready;
        printReady();
      }
    }
    for (const entry of queue.splice(0)) print(await entry.ready);
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
