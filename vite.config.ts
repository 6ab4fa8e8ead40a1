import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const SAMPLE_DIR = resolve(ROOT, 'sample-dicom');
const SAMPLE_URL = '/sample-dicom/';
const CONTENT_TYPES: Record<string, string> = { '.dcm': 'application/dicom', '.json': 'application/json' };

/** Files under `dir`, as `/`-separated paths relative to it. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(resolve(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'));
}

/**
 * The embedded sample study, so the app opens with images and no files chosen: served from the repo's
 * `sample-dicom/` at `/sample-dicom/` in dev and preview, and copied into the build output. Anything under that
 * URL that is not a sample file is a 404 (not Vite's index.html fallback), so a missing manifest reads as missing.
 */
function sampleDicom(): Plugin {
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url ?? '';
    if (!url.startsWith(SAMPLE_URL) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let path: string;
    try {
      path = resolve(SAMPLE_DIR, decodeURIComponent(url.slice(SAMPLE_URL.length).split('?')[0] ?? ''));
    } catch {
      res.statusCode = 400;
      return res.end('Bad request');
    }
    const inside = !relative(SAMPLE_DIR, path).startsWith('..') && path !== SAMPLE_DIR;
    if (!inside || !existsSync(path) || !statSync(path).isFile()) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain');
      return res.end('Not found');
    }
    res.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(path).size));
    // The generator may rewrite the sample while a server runs; never serve a stale copy.
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'HEAD') return res.end();
    createReadStream(path).pipe(res);
  };
  return {
    name: 'recist:sample-dicom',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
    generateBundle() {
      for (const file of listFiles(SAMPLE_DIR)) {
        this.emitFile({ type: 'asset', fileName: `sample-dicom/${file}`, source: readFileSync(resolve(SAMPLE_DIR, file)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), sampleDicom()],
  server: {
    // Sample and bench data are data, not source: no need to watch them.
    watch: { ignored: ['**/sample-dicom/**', '**/bench/data/**'] },
  },
  // The loading workers (src/app/loading/loadingWorker.ts) are ES modules: they import dicom-parser and the codecs.
  worker: { format: 'es' },
  optimizeDeps: {
    // Pre-bundled at start, so the first page load does not discover them and reload (flaky e2e).
    include: ['react', 'react-dom/client', 'react/jsx-dev-runtime', 'cornerstone-core', 'dicom-parser'],
  },
});
