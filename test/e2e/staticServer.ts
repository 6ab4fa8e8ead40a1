// The plainest static file server: what a hospital's web server or `python -m http.server` does, and nothing more
// (no SPA fallback, no headers beyond the content type), so the built app is tested as it will be deployed.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { freePort } from './devServer';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.dcm': 'application/dicom',
};

export interface StaticServer {
  /** Ends in `/`: the folder's URL, under `mount`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `folder` at `/<mount>/` on 127.0.0.1. */
export async function serveFolder(folder: string, mount: string): Promise<StaticServer> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (!path.startsWith(`/${mount}/`)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(folder, path.slice(mount.length + 2)));
    if (relative(folder, file).startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}/${mount}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
