// A worker thread of `recist inspect` in the built command: reads each file it is sent, inspects it, posts back the
// report and lets the bytes go. Built to dist-cli/inspectWorker.mjs beside the command (vite.cli.config.ts).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { inspectFile, unreadableReport, type InspectReport } from './inspectFile';

export interface InspectJob {
  readonly id: number;
  readonly path: string;
}

export interface InspectDone {
  readonly id: number;
  readonly report: InspectReport;
}

/**
 * One buffer for every file this thread reads, grown to the largest: a fresh 0.5 MB allocation per slice costs the
 * system a mapping and its page faults each time. Valid until the next read; jobs run one at a time, below.
 */
let buffer = Buffer.alloc(0);

function readWhole(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, read);
  } finally {
    closeSync(fd);
  }
}

async function inspectPath(path: string): Promise<InspectReport> {
  let bytes: Uint8Array;
  try {
    bytes = readWhole(path);
  } catch (thrown: unknown) {
    return unreadableReport(path, thrown);
  }
  return inspectFile(path, bytes);
}

const port = parentPort;
if (port === null) throw new Error('inspectWorker.ts runs as a worker thread of recist inspect');
let previous: Promise<unknown> = Promise.resolve();
port.on('message', (job: InspectJob) => {
  // One job at a time (a compressed frame's decode awaits its codec), so the shared buffer is never read twice at once.
  previous = previous.then(() => inspectPath(job.path)).then((report) => port.postMessage({ id: job.id, report } satisfies InspectDone));
});
