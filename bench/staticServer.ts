// A tiny static file server on 127.0.0.1 for the built bench pages: no SPA fallback, correct types for .wasm.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, resolve } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.dcm': 'application/dicom',
  '.map': 'application/json',
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves each mount (URL prefix -> folder); `/` of a mount serves its index.html. */
export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  // Longest prefix first, so `/peer/` wins over `/`.
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const mount = entries.find(([prefix]) => url.startsWith(prefix));
    if (!mount) return notFound();
    const [prefix, dir] = mount;
    let path = resolve(dir, normalize(url.slice(prefix.length)));
    if (relative(dir, path).startsWith('..')) return notFound();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path) || !statSync(path).isFile()) return notFound();
    res.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(path).size));
    res.setHeader('Cache-Control', 'no-store');
    // Cross-origin isolation, so performance.measureUserAgentSpecificMemory() (which counts workers too) is allowed.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    createReadStream(path).pipe(res);

    function notFound() {
      res.statusCode = 404;
      res.end('Not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
