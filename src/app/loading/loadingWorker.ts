// The loading worker: parses headers and decodes frames off the main thread (started by loadingPool.ts).
// First, before any other module evaluates: requests to other origins are refused (originGuard.ts).
import './installOriginGuard';
import { runTask, transferable } from './workerTasks';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

// The DOM lib types `self` as a Window; in a dedicated worker these two members are all we use.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { id, ...task } = event.data;
  runTask(task).then(({ value: result, shared }) => {
    const { value, transfer } = transferable(result, shared);
    scope.postMessage({ id, ok: true, value }, transfer);
  }, (thrown: unknown) => {
    scope.postMessage({ id, ok: false, message: thrown instanceof Error ? thrown.stack ?? thrown.message : String(thrown) }, []);
  });
};
