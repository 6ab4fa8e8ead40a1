// A worker thread of `recist inspect` in the built command: reads each file it is sent, inspects it, posts back the
// report and lets the bytes go. Built to dist-cli/inspectWorker.mjs beside the command (vite.cli.config.ts).
import { readFileSync } from 'node:fs';
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

async function inspectPath(path: string): Promise<InspectReport> {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (thrown: unknown) {
    return unreadableReport(path, thrown);
  }
  return inspectFile(path, new Uint8Array(data.buffer, data.byteOffset, data.length));
}

const port = parentPort;
if (port === null) throw new Error('inspectWorker.ts runs as a worker thread of recist inspect');
port.on('message', (job: InspectJob) => {
  void inspectPath(job.path).then((report) => port.postMessage({ id: job.id, report } satisfies InspectDone));
});
