// `npm run bench -- pacs`: the 512 x 512 x 300 series from a local Orthanc (DICOMweb), our app (PACS panel: search,
// Open) against cornerstone-core + cornerstone-wado-image-loader's WADO-RS loader, in one headless Chromium run.
// Both pages are production builds on one 127.0.0.1 origin whose /dicom-web/ goes to the Orthanc, as under
// `npm run pacs`. Prints first image, whole series and scroll p95 (key -> slice drawn); never fails on speed.
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startOrthanc } from '../test/pacs/orthancProcess';
import { dicomFilesUnder, stowFiles } from '../scripts/pacs/stow';
import { PacsClient } from '../src/pacs/pacsClient';
import { appDist, buildApps, gitState } from './appBuilds';
import { DATA_DIR, REPO, ensureLargeSeries, LARGE_SLICES } from './benchData';
import { startStaticServer } from './staticServer';
import { fmt, markdownTable, percentile, spread } from './stats';
import { createServer } from 'node:http';
import { freePort } from '../scripts/pacs/orthancServer';

const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const PEER_DIST = join(DATA_DIR, 'dist', 'pacs-peer');
const LOAD_TIMEOUT_MS = 120_000;

type Viewer = 'ours' | 'peer';

interface Run {
  readonly viewer: Viewer;
  readonly firstImageMs?: number;
  readonly seriesReadyMs?: number;
  readonly scrollMs: number[];
  readonly missing: number;
  readonly error?: string;
}

/** One origin: /dicom-web/ to the Orthanc, everything else to the static server of the two builds. */
async function startOrigin(staticOrigin: string, dicomWebUrl: string): Promise<{ origin: string; close(): Promise<void> }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const target = path.startsWith('/dicom-web/') ? new URL(`${dicomWebUrl}${path.slice('/dicom-web'.length)}`) : new URL(path, staticOrigin);
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => res.writeHead(502).end(error.message));
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }) };
}

function marksSince(): { chosen?: number; first?: number; ready?: number; error?: string } | undefined {
  const chosen = performance.getEntriesByName('recist:files-chosen').at(-1)?.startTime;
  if (chosen === undefined) return undefined;
  const after = (name: string) => performance.getEntriesByName(name).find((e) => e.startTime >= chosen)?.startTime;
  const error = document.body.dataset.loadError ?? document.querySelector('[data-testid=pacs-retrieve-error]')?.textContent ?? undefined;
  if (error) return { chosen, error };
  const first = after('recist:first-image');
  // Our app shows the first slice alone, then opens the series whole once it is retrieved (its own mark): the
  // series-ready after that is the whole series'.
  const isApp = document.querySelector('[data-testid=pacs-panel]') !== null;
  const retrieved = isApp ? performance.getEntriesByName('recist:pacs-series-retrieved').find((e) => e.startTime >= chosen)?.startTime : chosen;
  const ready = retrieved === undefined ? undefined
    : performance.getEntriesByName('recist:series-ready').find((e) => e.startTime >= retrieved)?.startTime;
  return first !== undefined && ready !== undefined ? { chosen, first, ready } : undefined;
}

/** ArrowDown through every slice; each step's time from the key event to the viewport saying it drew that slice. */
async function scroll(page: Page, count: number): Promise<{ ms: number[]; missing: number }> {
  const viewport = page.locator('[data-testid=viewport]').first();
  await viewport.focus();
  const ms: number[] = [];
  let missing = 0;
  for (let slice = 2; slice <= count; slice++) {
    const took = await page.evaluate((want) => new Promise<number | undefined>((done) => {
      const element = document.querySelector('[data-testid=viewport]') as HTMLElement;
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (element.getAttribute('data-rendered-slice') === String(want)) {
          observer.disconnect();
          done(performance.now() - start);
        }
      });
      observer.observe(element, { attributes: true, attributeFilter: ['data-rendered-slice'] });
      element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', bubbles: true, cancelable: true }));
      setTimeout(() => {
        observer.disconnect();
        done(undefined);
      }, 5000);
    }), slice);
    if (took === undefined) missing++;
    else ms.push(took);
  }
  return { ms, missing };
}

async function runOnce(browser: Browser, origin: string, viewer: Viewer, target: { patientId: string; study: string; series: string }): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript('globalThis.__name ??= (f) => f;');
    if (viewer === 'ours') {
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => document.querySelector('[data-rendered-slice]') !== null, undefined, { timeout: 60_000 });
      await page.waitForFunction(() => !('serviceWorker' in navigator) || navigator.serviceWorker.ready.then(() => true), undefined, { timeout: 60_000 });
      const panel = page.getByRole('region', { name: 'PACS' });
      await panel.getByLabel('Patient ID').fill(target.patientId);
      await panel.getByRole('button', { name: 'Search PACS' }).click();
      const open = panel.getByTestId('pacs-series').getByRole('button', { name: /^Open / });
      await open.waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      await open.click();
    } else {
      const box = { w: 1024, h: 600 };
      await page.goto(`${origin}/peer/?w=${box.w}&h=${box.h}`);
      await page.waitForFunction(() => 'open' in ((window as unknown as { __peer?: object }).__peer ?? {}), undefined, { timeout: 30_000 });
      await page.waitForTimeout(500);
      await page.evaluate(([study, series]) => (window as unknown as { __peer: { open(a: string, b: string): void } }).__peer.open(study as string, series as string), [target.study, target.series]);
    }
    page.on('console', (m) => { if (m.type() === 'error') console.log(`    [${viewer}] console: ${m.text()}`); });
    page.on('pageerror', (e) => console.log(`    [${viewer}] page error: ${e.message}`));
    const outcome = await (await page.waitForFunction(marksSince, undefined, { timeout: LOAD_TIMEOUT_MS, polling: 50 }).catch(async (thrown: unknown) => {
      const panelText = viewer === 'ours' ? await page.getByRole('region', { name: 'PACS' }).textContent() : '';
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`).join(' '));
      throw new Error(`${thrown instanceof Error ? thrown.message.split('\n')[0] : String(thrown)}; marks: ${marks}; panel: ${panelText?.slice(-300)}`);
    })).jsonValue();
    if (!outcome || outcome.error !== undefined) return { viewer, scrollMs: [], missing: 0, error: outcome?.error ?? 'no outcome' };
    const chosen = outcome.chosen as number;
    // Our app's left pane is the opened series; the first viewport in the page.
    const { ms, missing } = await scroll(page, LARGE_SLICES);
    return { viewer, firstImageMs: (outcome.first as number) - chosen, seriesReadyMs: (outcome.ready as number) - chosen, scrollMs: ms, missing };
  } catch (thrown) {
    return { viewer, scrollMs: [], missing: 0, error: thrown instanceof Error ? thrown.message.split('\n')[0] : String(thrown) };
  } finally {
    await context.close();
  }
}

export async function runPacsBench(): Promise<void> {
  const files = dicomFilesUnder(ensureLargeSeries());
  console.log('pacs: building the app and the WADO-RS peer page (vite build) …');
  const buildErrors = await buildApps();
  if (buildErrors.has('ours')) throw new Error(buildErrors.get('ours'));
  await build({
    configFile: false, root: join(REPO, 'bench', 'pacs-peer'), base: '/peer/', logLevel: 'error',
    build: { outDir: PEER_DIST, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  const pacs = await startOrthanc();
  const notes = [`app: ${gitState()}`, `load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`];
  const statics = await startStaticServer({ '/': appDist('ours'), '/peer/': PEER_DIST });
  const origin = await startOrigin(statics.origin, pacs.dicomWebUrl);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const runs: Run[] = [];
  try {
    const stow = await stowFiles(pacs.dicomWebUrl, files);
    if (stow.failed.length > 0) throw new Error(`Orthanc refused ${stow.failed.length} files`);
    const found = await new PacsClient({ baseUrl: pacs.dicomWebUrl }).searchStudies({});
    const study = found.ok ? found.value[0] : undefined;
    const series = study ? await new PacsClient({ baseUrl: pacs.dicomWebUrl }).seriesOf(study.studyInstanceUid) : undefined;
    const first = series?.ok ? series.value[0] : undefined;
    if (!study || !first) throw new Error('the series is not in the PACS after STOW-RS');
    const target = { patientId: study.patientId, study: study.studyInstanceUid, series: first.seriesInstanceUid };
    notes.push(`Orthanc ${pacs.url} (DICOMweb plugin, SQLite, temp storage) with ${files.length} files; the app asks for instances as stored, the peer for frames (WADO-RS); both through one Node proxy origin`);
    for (let rep = 1; rep <= REPETITIONS; rep++) {
      for (const viewer of rep % 2 === 1 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const)) {
        const run = await runOnce(browser, origin.origin, viewer, target);
        runs.push(run);
        console.log(`  rep ${rep} ${viewer}: ${run.error ? `failed: ${run.error}` : `first ${fmt(run.firstImageMs)} ms, ready ${fmt(run.seriesReadyMs)} ms, scroll p95 ${fmt(percentile(run.scrollMs, 95), 1)} ms${run.missing ? `, ${run.missing} slices not drawn` : ''}`}`);
      }
    }
  } finally {
    await browser.close();
    await origin.close();
    await statics.close();
    await pacs.stop();
  }
  notes.push(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const of = (viewer: Viewer) => runs.filter((r) => r.viewer === viewer && r.error === undefined);
  const row = (viewer: Viewer) => {
    const ok = of(viewer);
    return [viewer === 'ours' ? 'ours (PACS panel)' : 'cornerstone-core + wado-image-loader (WADO-RS)',
      spread(ok.map((r) => r.firstImageMs as number)), spread(ok.map((r) => r.seriesReadyMs as number)),
      fmt(percentile(ok.flatMap((r) => r.scrollMs), 95), 1), String(runs.filter((r) => r.viewer === viewer && r.error).length)];
  };
  const ratio = (key: 'firstImageMs' | 'seriesReadyMs') => {
    const [o, p] = [of('ours'), of('peer')].map((list) => percentile(list.map((r) => r[key] as number), 50));
    return o !== undefined && p !== undefined ? fmt(o / p, 2) : '—';
  };
  const table = markdownTable(['viewer', 'first image ms', 'whole series ms', 'scroll p95 ms', 'failed runs'], [row('ours'), row('peer')]);
  console.log(`\npacs bench: ${LARGE_SLICES} slices 512 x 512 from a local Orthanc (${REPETITIONS} repetitions; median (min–max); scroll pooled)\n`);
  console.log(table);
  console.log(`\nours / peer (medians): first image ${ratio('firstImageMs')}x (target <= 0.5x), whole series ${ratio('seriesReadyMs')}x (target <= 0.6x)`);
  for (const note of notes) console.log(`- ${note}`);
}
