// A Vite dev server started in-process, on a free port, for the e2e tests and the screenshot script.
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface DevServer {
  /** Base URL ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export async function startDevServer(): Promise<DevServer> {
  const port = await freePort();
  const server = await createServer({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    // Its own dependency cache, so it never races a developer's `npm start` optimising into node_modules/.vite.
    cacheDir: `${ROOT}node_modules/.vite-e2e`,
    server: { host: '127.0.0.1', port, strictPort: true },
    logLevel: 'warn',
    clearScreen: false,
  });
  await server.listen();
  return { url: server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`, close: () => server.close() };
}
