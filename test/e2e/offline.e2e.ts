// The built app as a reading room gets it: a folder served by a plain static server under a sub-path. It loads once,
// then works with no network at all (sample study and measuring included), under a Content-Security-Policy that any
// request elsewhere or inline script would violate (violations are console errors, and fail the test), and DICOM
// text with markup in it is shown as text.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from './browserSession';
import { dragBetween, goToSlice, pagePoint, PIXEL_MM, truthLesion } from './measureHelpers';
import { counter, pane } from './readingHelpers';
import { serveFolder, type StaticServer } from './staticServer';

const ROOT = resolve(__dirname, '../..');

/** A production build into outDir, labelled (the help panel shows the label). */
async function buildApp(label: string): Promise<void> {
  process.env.RECIST_BUILD_ID = label;
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env.RECIST_BUILD_ID;
  }
}
let outDir: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'recist-build-'));
  await buildApp('first');
  server = await serveFolder(outDir, 'reader');
  ({ browser, page, errors } = await openPage({ viewport: { width: 1600, height: 1000 }, acceptDialogs: true }));
  context = page.context();
  // Every CSP violation is also recorded by the page itself, in case the browser words it as a warning.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 180_000);

afterEach(async () => {
  expect(errors.splice(0)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const panel = () => page.getByRole('complementary', { name: 'Lesions and response' });

describe('the built app, served from a folder', () => {
  it('carries a Content-Security-Policy that allows only its own origin, and a web app manifest', async () => {
    const response = await page.goto(server.url);
    const html = (await response?.text()) ?? '';
    const policy = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(html).toMatch(/<link rel="manifest" href="\.\/manifest\.webmanifest"/);
  });

  it('loads the sample under the policy, and says when it is ready to work offline', async () => {
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
    await expect.poll(() => page.getByTestId('update-banner').textContent(), { timeout: 60_000 }).toContain('ready to work offline');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true))).toBe(true);
  });

  it('with the network gone, reloads from its cache, opens the sample study and measures on it', async () => {
    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
      await panel().getByRole('button', { name: '+ Target' }).click();
      const t1 = truthLesion('baseline', 'T1');
      await goToSlice(page, 0, t1.instanceNumber);
      await page.keyboard.press('m');
      const [a, b] = t1.longAxisEndpointsMm as [[number, number], [number, number]];
      await dragBetween(page, await pagePoint(page, 0, a), await pagePoint(page, 0, b));
      const cell = panel().locator('tr[data-lesion="T1"] td[data-column="baseline"]');
      await expect.poll(() => cell.textContent()).toMatch(/\d+\.\d mm/);
      expect(Math.abs(Number(/(\d+\.\d) mm/.exec((await cell.textContent()) ?? '')?.[1]) - t1.recistDiameterMm)).toBeLessThanOrEqual(PIXEL_MM);
    } finally {
      await context.setOffline(false);
    }
  });

  it('shows DICOM text that holds markup and script as text, and runs none of it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'recist-xss-'));
    try {
      const file = join(folder, 'crafted.dcm');
      copyFileSync(join(ROOT, 'sample-dicom/baseline/IM0001.dcm'), file);
      // PN: "=" would start the ideographic group, so the name's markup has none.
      const name = '<i>SMITH</i>^<b>JOHN</b>';
      const description = '<script>window.__xss=2</script>';
      execFileSync('dcmodify', ['-nb', '-m', `(0010,0010)=${name}`, '-m', `(0008,103e)=${description}`, file]);
      await page.getByTestId('open-files-input').setInputFiles([file]);
      await expect.poll(() => pane(page, 0).getByTestId('series-description').textContent(), { timeout: 30_000 }).toBe(description);
      expect(await pane(page, 0).getByTestId('patient-name').textContent()).toBe('<i>SMITH</i>, <b>JOHN</b>');
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('i', { hasText: 'SMITH' }).count()).toBe(0);
      expect(await page.locator('b', { hasText: 'JOHN' }).count()).toBe(0);
      expect(await page.locator('body script').count()).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('announces a new version, and switches to it only when the reader clicks', async () => {
    await page.goto(server.url);
    await expect.poll(() => counter(page, 0), { timeout: 30_000 }).toBe('Slice 1 / 40');
    const version = () => page.getByTestId('app-version').textContent();
    expect(await version()).toContain('build first');
    await buildApp('second');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect.poll(() => page.getByTestId('update-banner').textContent(), { timeout: 60_000 }).toContain('A new version');
    // Waiting for the reader: the page still runs the version it was opened with.
    expect(await version()).toContain('build first');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await expect.poll(() => version().catch(() => ''), { timeout: 30_000 }).toContain('build second');
  });
});
