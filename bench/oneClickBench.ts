// `npm run bench -- oneclick`: the one-click measurement's time in the browser, as the reader waits for it: from the
// click to the outline back on the main thread, through the app's own one-click worker (src/app/oneClick), on
// 512 x 512 slices (src/phantom/oneClickCases.ts, stored as the app holds CT: signed 16-bit with a rescale).
// Headless Chromium on the Vite dev server; printed, never asserted (the target: within 100 ms).
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { fmt, markdownTable, median, percentile } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PER_CATEGORY = Number(process.env['BENCH_ONECLICK_CASES'] ?? 2);
/** The first clicks compile the worker's code: timed apart, as the first click of a session. */
const WARM_UP = 3;

interface Timed {
  readonly category: string;
  readonly ms: number;
  readonly found: boolean;
  readonly normal: boolean;
}

/** Runs in the page: the cases made there, each click sent to the app's worker as the app sends it. */
async function clickAll(perCategory: number): Promise<Timed[]> {
  // Vite serves the sources by path: the same modules the app imports.
  const phantomUrl = '/src/phantom/oneClickCases.ts';
  const clientUrl = '/src/app/oneClick/oneClickClient.ts';
  const { oneClickCases } = await import(/* @vite-ignore */ phantomUrl) as typeof import('../src/phantom/oneClickCases');
  const { oneClickClient } = await import(/* @vite-ignore */ clientUrl) as typeof import('../src/app/oneClick/oneClickClient');
  const client = oneClickClient();
  const out: Timed[] = [];
  for (const c of oneClickCases(perCategory)) {
    const values = new Int16Array(c.hu.length);
    for (let i = 0; i < values.length; i++) values[i] = Math.round((c.hu[i] as number) + 1024);
    const slice = { values, rows: c.size, cols: c.size, rowSpacingMm: c.spacingMm, colSpacingMm: c.spacingMm, slope: 1, intercept: -1024 };
    for (const [at, normal] of [...c.clicks.map((p) => [p, false] as const), [c.normalClick, true] as const]) {
      const start = performance.now();
      const result = await client.run({ kind: 'segment', slice, seed: { row: at.y / c.spacingMm, col: at.x / c.spacingMm } });
      out.push({ category: c.category, ms: performance.now() - start, found: result.ok, normal });
    }
  }
  return out;
}

export async function runOneClickBench(): Promise<void> {
  const before = loadavg().map((l) => l.toFixed(2)).join(' ');
  const server = await createServer({ root: ROOT, configFile: `${ROOT}vite.config.ts`, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    const timed = await page.evaluate(clickAll, PER_CATEGORY);
    const warm = timed.slice(WARM_UP);
    const rows = [...new Set(timed.map((t) => t.category))].map((category) => {
      const ms = warm.filter((t) => t.category === category).map((t) => t.ms);
      return [category, String(ms.length), fmt(median(ms), 1), fmt(percentile(ms, 95), 1), fmt(Math.max(...ms), 1)];
    });
    const all = warm.map((t) => t.ms);
    rows.push(['all', String(all.length), fmt(median(all), 1), fmt(percentile(all, 95), 1), fmt(Math.max(...all), 1)]);
    console.log(`\n**One-click in the browser: click to outline on the main thread, through the worker, 512 x 512 at 0.75 mm**\n`);
    console.log(markdownTable(['category', 'clicks', 'median ms', 'p95 ms', 'max ms'], rows));
    console.log(`\nfirst ${WARM_UP} clicks (worker start and compile): ${timed.slice(0, WARM_UP).map((t) => fmt(t.ms, 0)).join(', ')} ms; `
      + `clicks within 100 ms: ${all.filter((ms) => ms <= 100).length} of ${all.length}; lesions found at ${timed.filter((t) => !t.normal && t.found).length} of `
      + `${timed.filter((t) => !t.normal).length} clicks inside one, at ${timed.filter((t) => t.normal && t.found).length} of ${timed.filter((t) => t.normal).length} on normal tissue`);
    console.log(`Headless Chromium ${browser.version()}, Vite dev server; load average before ${before}, after ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
  } finally {
    await browser.close();
    await server.close();
  }
}
