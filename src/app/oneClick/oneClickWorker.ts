// The one-click worker: segmentation off the main thread, so a click never blocks scrolling or drawing (started by
// oneClickClient.ts). First, before any other module evaluates: requests to other origins are refused, as in the
// loading workers (originGuard.ts), though this one has no reason to make any.
import '../loading/installOriginGuard';
import type { OneClickMessage, OneClickReply } from './oneClickProtocol';
import { runOneClick } from './oneClickTasks';

// The DOM lib types `self` as a Window; in a dedicated worker these two members are all we use.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<OneClickMessage>) => void) | null;
  postMessage(message: OneClickReply): void;
};

scope.onmessage = (event) => {
  const { id, ...request } = event.data;
  try {
    const start = performance.now();
    const value = runOneClick(request);
    scope.postMessage({ id, ok: true, value, workerMs: performance.now() - start });
  } catch (thrown) {
    scope.postMessage({ id, ok: false, message: thrown instanceof Error ? thrown.stack ?? thrown.message : String(thrown) });
  }
};
