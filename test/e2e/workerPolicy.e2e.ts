// Issue 18, "Policy for the workers": the page's Content-Security-Policy is a <meta>, which the decode workers do not
// inherit. A request from inside a loading worker to another origin (here a second server on another 127.0.0.1
// port) must fail and never reach it: with the dev server (CSP header on worker scripts and the worker's own guard),
// with the preview server (the same), and with the built folder on a plain static server that sends no header
// (the guard alone).
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from './browserSession';
import { freePort } from './devServer';
import { serveFolder, type StaticServer } from './staticServer';

const ROOT = resolve(__dirname, '../..');

/** "Another origin": a server on another port of 127.0.0.1 that answers anything (CORS open) and counts requests. */
interface ForeignServer {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

async function startForeignServer(): Promise<ForeignServer> {
  const requests: string[] = [];
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/octet-stream' }).end('leaked');
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * A loading worker started from `appUrl`'s page, asked to warm a codec with a "warm-up file" on the foreign server:
 * the one task in which a worker fetches a URL it is given. Its reply, and whether the fetch was refused in the worker.
 */
async function foreignFetchFromWorker(page: Page, appUrl: string, workerUrl: string, foreignUrl: string) {
  await page.goto(appUrl);
  return page.evaluate(async ({ workerUrl: url, foreignUrl: target }) => {
    const worker = new Worker(url, { type: 'module' });
    try {
      return await new Promise<unknown>((done, fail) => {
        worker.onmessage = (event: MessageEvent) => done(event.data);
        worker.onerror = (event) => fail(new Error(event.message || 'worker failed to start'));
        worker.postMessage({
          id: 7, kind: 'warm', transferSyntaxUid: '1.2.840.10008.1.2.4.70', warmupFileUrl: target,
          format: { rows: 1, columns: 1, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1, photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0 },
        });
      });
    } finally {
      worker.terminate();
    }
  }, { workerUrl, foreignUrl });
}

let browser: Browser;
let page: Page;
let foreign: ForeignServer;
let outDir: string;
let plain: StaticServer;
let previewServer: PreviewServer;

beforeAll(async () => {
  foreign = await startForeignServer();
  ({ browser, page } = await openPage({ viewport: { width: 1200, height: 800 } }));
  outDir = mkdtempSync(join(tmpdir(), 'recist-policy-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  plain = await serveFolder(outDir, 'reader');
  const port = await freePort();
  previewServer = await preview({
    root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error',
    build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true },
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([foreign?.close(), plain?.close(), previewServer?.close()]);
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const builtWorker = (): string => {
  const name = readdirSync(join(outDir, 'assets')).find((f) => /^loadingWorker-.*\.js$/.test(f));
  if (name === undefined) throw new Error('the build has no loading worker');
  return `assets/${name}`;
};
const previewUrl = () => previewServer.resolvedUrls?.local[0] ?? '';

describe('a loading worker asked to fetch from another origin', () => {
  it('the foreign server answers a request that is not a worker\'s (so its silence below means something)', async () => {
    await fetch(`${foreign.url}control`);
    expect(foreign.requests.splice(0)).toEqual(['GET /control']);
  });

  it.each([
    ['the dev server (CSP header on the worker script, and the guard)', () => inject('baseUrl'), () => 'src/app/loading/loadingWorker.ts?worker_file&type=module'],
    ['the preview server (CSP header, and the guard)', previewUrl, builtWorker],
    ['the built folder on a plain static server, no header (the guard alone)', () => plain.url, builtWorker],
  ])('%s: the request never leaves the worker, and the task still settles', async (_, appUrl, workerPath) => {
    const reply = await foreignFetchFromWorker(page, appUrl(), new URL(workerPath(), appUrl()).href, `${foreign.url}warmup.dcm`);
    // Warming falls back to loading the codec alone when its file cannot be had: the worker answers, unharmed.
    expect(reply).toEqual({ id: 7, ok: true, value: null });
    expect(foreign.requests.splice(0)).toEqual([]);
  });
});

describe('the servers we ship a configuration for send the policy on worker scripts', () => {
  it.each([
    ['dev', () => inject('baseUrl'), () => 'src/app/loading/loadingWorker.ts?worker_file&type=module'],
    ['preview', previewUrl, builtWorker],
  ])('%s server: a worker script comes with the page\'s policy as a header (connect-src \'self\')', async (_, appUrl, workerPath) => {
    const response = await fetch(new URL(workerPath(), appUrl()), { headers: { 'Sec-Fetch-Dest': 'worker' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
