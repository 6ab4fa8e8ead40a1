import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin, type ProxyOptions } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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

/**
 * The built page may load nothing but its own files: scripts and workers from its origin, WASM compiled from them
 * (the codecs), no inline script, no CDN, font or beacon. Only in the build: the dev server injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'recist:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Workers do not inherit the page's <meta> policy: a worker script has only the policy of its own response. So every
 * server we ship a configuration for (the dev and preview servers here) sends the same policy as a header on worker
 * scripts, known by the browser's Sec-Fetch-Dest (or, failing that, by Vite's worker URL), and the workers refuse
 * other origins themselves too (src/app/loading/originGuard.ts). Static servers: see README, "Deploying".
 */
const WORKER_DESTINATIONS = new Set(['worker', 'sharedworker', 'serviceworker']);
const isWorkerScript = (url: string, destination: string | string[] | undefined): boolean =>
  (typeof destination === 'string' && WORKER_DESTINATIONS.has(destination))
  || /[?&]worker_file\b/.test(url) || /\/assets\/[^/?]*Worker[^/?]*\.js(\?|$)/.test(url) || /\/sw\.js(\?|$)/.test(url);

export function workerPolicy(): Plugin {
  const addHeader: Connect.NextHandleFunction = (req, res, next) => {
    if (isWorkerScript(req.url ?? '', req.headers['sec-fetch-dest'])) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    next();
  };
  return {
    name: 'recist:worker-policy',
    configureServer: (server) => void server.middlewares.use(addHeader),
    configurePreviewServer: (server) => void server.middlewares.use(addHeader),
  };
}

/**
 * Offline after the first load: the service worker precaches the app, its workers and WASM codecs, and the sample
 * study; a new version waits until the reader chooses to reload (registerType 'prompt').
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: [],
  manifest: {
    name: 'recist-reader — RECIST 1.1 tumour measurement',
    short_name: 'recist-reader',
    description: 'Measure tumours on CT follow-ups and get RECIST 1.1 responses, offline.',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    background_color: '#1b1c1f',
    theme_color: '#232428',
    icons: [
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,mjs,css,html,wasm,svg,png,json,dcm,csv,webmanifest}'],
    // The codecs' WASM and the sample study's files are large; they must be in the precache to work offline.
    maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

/**
 * The dev server (and `vite preview`) passes /dicom-web/ to the PACS of `npm run pacs` (or RECIST_PACS_URL), so the
 * app reaches DICOMweb on its own origin as it does when Orthanc serves it (docs/pacs.md). The Host header is kept,
 * so Orthanc's RetrieveURLs point back through this proxy. A PACS that is not running is a 502 that says so.
 */
function pacsProxy(): ProxyOptions {
  const target = process.env.RECIST_PACS_URL ?? 'http://127.0.0.1:8042';
  return {
    target,
    changeOrigin: false,
    configure: (proxy) =>
      void proxy.on('error', (_error, _request, response) => {
        if ('headersSent' in response && !response.headersSent) {
          response.writeHead(502, { 'Content-Type': 'text/plain' });
          response.end(`No PACS answers at ${target}: start it with "npm run pacs" (docs/pacs.md).`);
        }
      }),
  };
}

const PACKAGE = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  // Which build this is, shown in the help panel: a new one is what the service worker announces.
  define: {
    __APP_VERSION__: JSON.stringify(PACKAGE.version),
    __BUILD_ID__: JSON.stringify(process.env.RECIST_BUILD_ID ?? new Date().toISOString().slice(0, 16).replace('T', ' ')),
  },
  // Relative URLs: the built folder works from any path of any static server.
  base: './',
  plugins: [react(), sampleDicom(), contentSecurityPolicy(), workerPolicy(), offline],
  server: {
    // Sample and bench data are data, not source: no need to watch them.
    watch: { ignored: ['**/sample-dicom/**', '**/bench/data/**'] },
    proxy: { '/dicom-web/': pacsProxy() },
  },
  // The loading workers (src/app/loading/loadingWorker.ts) are ES modules: they import dicom-parser and the codecs.
  worker: { format: 'es' },
  optimizeDeps: {
    // Pre-bundled at start, so the first page load does not discover them and reload (flaky e2e).
    include: ['react', 'react-dom/client', 'react/jsx-dev-runtime', 'cornerstone-core', 'dicom-parser'],
  },
});
