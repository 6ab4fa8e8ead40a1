// A WorkerLike that runs the loading worker's code in this process: messages are structured-cloned with their
// transfer lists, as postMessage does, so detached buffers behave as in a browser.
import { JobQueue } from '../../../src/app/loading/jobQueue';
import { WorkerPool, type WorkerLike } from '../../../src/app/loading/workerPool';
import type { WorkerResponse } from '../../../src/app/loading/workerProtocol';
import { runTask, transferable } from '../../../src/app/loading/workerTasks';

export function inProcessWorker(): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      const { id, ...task } = structuredClone(message, { transfer });
      void runTask(task).then(({ value: result, shared }) => {
        const { value, transfer: back } = transferable(result, shared);
        const response: WorkerResponse = structuredClone({ id, ok: true as const, value }, { transfer: back });
        worker.onmessage?.({ data: response } as MessageEvent<WorkerResponse>);
      }, (thrown: unknown) => {
        worker.onmessage?.({ data: { id, ok: false, message: String(thrown) } } as MessageEvent<WorkerResponse>);
      });
    },
    terminate() {},
  };
  return worker;
}

/** Workers in this process and a job queue, as the app's loadingPipeline() gives them. */
export const inProcessPipeline = (workers = 2) => ({ pool: new WorkerPool(inProcessWorker, workers), jobs: new JobQueue() });
