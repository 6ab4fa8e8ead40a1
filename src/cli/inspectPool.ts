// The worker threads of `recist inspect`: started as files come (a file starts one while there are fewer than
// `size`), each given the next file when it has the fewest in hand. Files are read in the workers; only reports
// come back.
import { Worker } from 'node:worker_threads';
import type { InspectReport } from './inspectFile';
import type { InspectDone, InspectJob } from './inspectWorker';

interface Thread {
  readonly worker: Worker;
  readonly waiting: Map<number, (report: InspectReport) => void>;
}

export interface InspectPool {
  /** Whether a thread could take a file now without queueing it behind two others. */
  hasRoom(): boolean;
  inspect(path: string): Promise<InspectReport>;
  close(): Promise<void>;
}

/** Files a thread holds at once: the next one is there when it finishes one, and no more wait behind it. */
const PER_THREAD = 2;

export function inspectPool(script: URL, size: number): InspectPool {
  const threads: Thread[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  const rejectors = new Set<(e: Error) => void>();

  const start = (): Thread => {
    const worker = new Worker(script);
    const thread: Thread = { worker, waiting: new Map() };
    worker.on('message', ({ id, report }: InspectDone) => {
      thread.waiting.get(id)?.(report);
      thread.waiting.delete(id);
    });
    // A worker that dies is a bug (bad input is a report, never a throw): every file still in hand fails with it.
    const fail = (e: Error) => {
      failure ??= e;
      for (const reject of rejectors) reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (thread.waiting.size > 0) fail(new Error(`recist inspect: a worker thread stopped (exit code ${code}) with files in hand`));
    });
    threads.push(thread);
    return thread;
  };

  const leastBusy = (): Thread => {
    const idlest = threads.reduce<Thread | undefined>((best, t) => (best === undefined || t.waiting.size < best.waiting.size ? t : best), undefined);
    return idlest === undefined || (idlest.waiting.size > 0 && threads.length < size) ? start() : idlest;
  };

  return {
    hasRoom: () => threads.length < size || threads.some((t) => t.waiting.size < PER_THREAD),
    inspect(path) {
      if (failure) return Promise.reject(failure);
      const thread = leastBusy();
      const id = nextId++;
      return new Promise<InspectReport>((resolve, reject) => {
        rejectors.add(reject);
        thread.waiting.set(id, (report) => {
          rejectors.delete(reject);
          resolve(report);
        });
        thread.worker.postMessage({ id, path } satisfies InspectJob);
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
