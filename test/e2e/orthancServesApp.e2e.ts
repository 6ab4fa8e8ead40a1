// The built app served by Orthanc itself at /recist/, as `npm run pacs` serves it: it loads under its own
// Content-Security-Policy (connect-src 'self'), reaches DICOMweb at /dicom-web/ on the same origin with no CORS,
// and is refused any other origin; its service worker takes /recist/ as its scope.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOrthanc, type RunningOrthanc } from '../pacs/orthancProcess';
import { openPage } from './browserSession';
import { counter } from './readingHelpers';

const ROOT = resolve(__dirname, '../..');

let outDir: string;
let pacs: RunningOrthanc;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'recist-build-orthanc-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  pacs = await startOrthanc({ serveApp: outDir, loadSample: true });
  ({ browser, page, errors } = await openPage({ viewport: { width: 1400, height: 900 } }));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 180_000);

afterEach(() => {
  // The one blocked request below is deliberate; anything else on the console fails the test that caused it.
  expect(errors.splice(0).filter((e) => !e.includes('localhost'))).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await pacs?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}, 30_000);

const violations = () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

describe('the built app served by Orthanc at /recist/', () => {
  it('opens the sample study with no policy violation', async () => {
    await page.goto(pacs.appUrl ?? '');
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
    expect(await violations()).toEqual([]);
  });

  it('reaches QIDO-RS at /dicom-web/ on its own origin under connect-src \'self\'', async () => {
    const found = await page.evaluate(async () => {
      const answer = await fetch('/dicom-web/studies?PatientID=RR-0001', { headers: { Accept: 'application/dicom+json' } });
      return { status: answer.status, studies: ((await answer.json()) as unknown[]).length };
    });
    expect(found).toEqual({ status: 200, studies: 3 });
    expect(await violations()).toEqual([]);
  });

  it('is refused any other origin by its policy (here the same Orthanc named localhost)', async () => {
    const elsewhere = `http://localhost:${pacs.port}/dicom-web/studies`;
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch {
        return 'refused';
      }
    }, elsewhere);
    expect(outcome).toBe('refused');
    expect(await violations()).toEqual([`connect-src ${elsewhere}`]);
  });

  it('registers its service worker for /recist/', async () => {
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${pacs.url}/recist/`);
  });
});
