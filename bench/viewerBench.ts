// `npm run bench -- viewer`: our app vs a cornerstone-core + cornerstone-wado-image-loader peer page, loading the same
// local files in one headless Chromium run. Both pages are production builds served from 127.0.0.1; each load gets a
// fresh browser context. Prints a table and PASS/MISS per target; never fails on speed.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { APP_SOURCE, APP_VIEWERS, appDist, appLabel, buildApps, gitState, type AppViewer } from './appBuilds';
import { DATA_DIR, REPO, ensureBenchSeries, type BenchSeries } from './benchData';
import { huStatsOfFile, readSeriesTruth, type HuStats, type SeriesTruth } from './seriesTruth';
import { seededShuffle } from '../src/phantom/prng';
import { startStaticServer } from './staticServer';
import { fmt, markdownTable, median, percentile, spread } from './stats';

// BENCH_REPETITIONS=1 for a quick look while changing the bench; the table in docs uses 3.
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const CHROMIUM = '/usr/bin/chromium';
const PEER_DIST = join(DATA_DIR, 'dist', 'peer');
/** The app's open-files input; the open-folder input (webkitdirectory) is a different control. */
const APP_FILE_INPUT = 'input[type=file][multiple]:not([webkitdirectory])';
const LOAD_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 5_000;
const PAGE_ERROR_GRACE_MS = 5_000;
/** The hook the HU check needs from our app (not there yet: the check then reports "pending"). */
const APP_HU_HOOK = 'window.__recistDebug.sliceHuStats(index)';

type Viewer = AppViewer | 'peer';
const VIEWERS: readonly Viewer[] = [...APP_VIEWERS, 'peer'];

interface RenderRecord {
  readonly t: number;
  readonly slice: number;
  readonly loc: string;
  readonly counter: string;
}

/** Installed in every page before its scripts: timestamps input, renders and error panels from outside the app. */
interface BenchProbe {
  chosenAt: number | undefined;
  errorAt: number | undefined;
  errorText: string;
  keys: number[];
  renders: RenderRecord[];
}

function installProbe() {
  const probe: BenchProbe = { chosenAt: undefined, errorAt: undefined, errorText: '', keys: [], renders: [] };
  (window as unknown as { __bench: BenchProbe }).__bench = probe;
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') probe.chosenAt = performance.now();
  }, true);
  // timeStamp: when the input event was created, so queueing before the handler counts.
  document.addEventListener('keydown', (event) => probe.keys.push(event.timeStamp), true);
  new MutationObserver((records) => {
    const t = performance.now();
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof HTMLElement) {
        const element = record.target;
        probe.renders.push({
          t,
          slice: Number(element.getAttribute('data-rendered-slice')),
          loc: element.querySelector('[data-testid=slice-location]')?.textContent ?? '',
          counter: element.querySelector('[data-testid=slice-counter]')?.textContent ?? '',
        });
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        const error = node.matches('[data-testid=load-error]') ? node : node.querySelector('[data-testid=load-error]');
        if (error && probe.chosenAt !== undefined) {
          probe.errorAt = t;
          probe.errorText = (error as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
        }
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered-slice'] });
}

interface LoadOutcome {
  readonly error?: string;
  readonly chosen: number;
  readonly firstImage?: number;
  readonly seriesReady?: number;
  readonly fallbacks: string[];
}

/** Runs in the page until the load finished (marks or fallbacks), failed, or is still going (undefined). */
function loadOutcome(): LoadOutcome | undefined {
  const probe = (window as unknown as { __bench: BenchProbe }).__bench;
  const bodyError = document.body.dataset.loadError;
  const chosenMark = performance.getEntriesByName('recist:files-chosen').at(-1)?.startTime;
  const chosen = chosenMark ?? probe.chosenAt;
  if (chosen === undefined) return undefined;
  if (bodyError) return { error: bodyError, chosen, fallbacks: [] };
  if (probe.errorAt !== undefined) return { error: probe.errorText.trim(), chosen, fallbacks: [] };
  const after = (name: string) => performance.getEntriesByName(name).find((entry) => entry.startTime >= chosen)?.startTime;
  const fallbacks: string[] = [];
  if (chosenMark === undefined) fallbacks.push('files chosen = change event');
  const firstRender = probe.renders.find((r) => r.t >= chosen && r.slice >= 1)?.t;
  let firstImage = after('recist:first-image');
  if (firstImage === undefined && firstRender !== undefined && performance.getEntriesByName('recist:first-image').length === 0) {
    firstImage = firstRender;
    fallbacks.push('first image = first data-rendered-slice');
  }
  const seriesReady = after('recist:series-ready');
  // An app that sets marks sets the series one too: wait for it. Without marks there is no outside sign that every
  // slice is decoded (the app may decode on demand), so "whole series" stays unmeasured rather than guessed.
  const appUsesMarks = chosenMark !== undefined || performance.getEntriesByName('recist:series-ready').length > 0;
  if (firstImage === undefined || (appUsesMarks && seriesReady === undefined)) return undefined;
  if (seriesReady === undefined) fallbacks.push('whole series not measured (no recist:series-ready mark); heap taken once memory settled');
  return { chosen, firstImage, fallbacks, ...(seriesReady === undefined ? {} : { seriesReady }) };
}

interface HeapFigures {
  /** V8 heap in use after a full GC (CDP Runtime.getHeapUsage usedSize). */
  readonly jsHeap: number;
  /** ArrayBuffer backing stores (CDP backingStorageSize): pixel and file bytes live here. */
  readonly backing: number | undefined;
  /** performance.measureUserAgentSpecificMemory(): the page's JS memory including its workers' (bytes). */
  readonly withWorkers?: number | undefined;
}

interface ScrollFigures {
  readonly ms: number[];
  readonly missing: number[];
  readonly outOfOrder: number;
  readonly lastLoc: string;
  readonly rafMs?: number[];
  readonly rafMissing?: number[];
}

interface RunResult {
  readonly viewer: Viewer;
  readonly series: string;
  readonly rep: number;
  readonly error?: string;
  readonly firstImageMs?: number;
  readonly seriesReadyMs?: number;
  /** Peer only: every header read and parsed (before sorting and the first decode). */
  readonly headersMs?: number;
  readonly fallbacks: string[];
  readonly heap?: HeapFigures;
  readonly heapBefore?: HeapFigures;
  readonly scroll?: ScrollFigures;
  readonly counter?: string;
  readonly firstLoc?: string;
  readonly hu?: { readonly index: number; readonly got: HuStats | undefined; readonly want: HuStats }[];
}

async function buildPeer(): Promise<void> {
  await build({
    configFile: false, root: join(REPO, 'bench', 'peer'), base: '/peer/', logLevel: 'error',
    build: { outDir: PEER_DIST, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
}

async function heapFigures(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage') as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return { jsHeap: usage.usedSize, backing: usage.backingStorageSize };
}

/** Page and worker memory as the browser attributes it (needs cross-origin isolation; undefined without it). */
async function memoryWithWorkers(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => {
    const measure = (performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> })
      .measureUserAgentSpecificMemory;
    if (!crossOriginIsolated || !measure) return undefined;
    try {
      return (await measure.call(performance)).bytes;
    } catch {
      return undefined;
    }
  });
}

/**
 * page.waitForFunction, but a page that threw and then made no progress for PAGE_ERROR_GRACE_MS fails with that error
 * instead of running into the full timeout (a broken app build should cost seconds, not minutes).
 */
async function waitOrPageError<A, R>(page: Page, fn: (arg: A) => R, arg: A, timeoutMs: number,
  pageErrors: readonly { at: number; message: string }[]): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await page.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, { timeout: 1_000, polling: 50 });
      return await handle.jsonValue() as R;
    } catch (thrown) {
      if (!(thrown instanceof Error) || !thrown.message.includes('Timeout')) throw thrown;
      const firstError = pageErrors[0];
      if (firstError && Date.now() - firstError.at > PAGE_ERROR_GRACE_MS) throw new Error(`page error: ${firstError.message}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    }
  }
}

/** Heap once background loading stopped: ArrayBuffer bytes unchanged (±1 MB) for 1 s, at most 30 s. */
async function settledHeap(page: Page): Promise<HeapFigures> {
  const deadline = Date.now() + 30_000;
  let last = await heapFigures(page);
  let stableSince = Date.now();
  while (Date.now() < deadline && Date.now() - stableSince < 1_000) {
    await page.waitForTimeout(250);
    const now = await heapFigures(page);
    if (Math.abs((now.backing ?? 0) - (last.backing ?? 0)) > 1024 * 1024) stableSince = Date.now();
    last = now;
  }
  return last;
}

const probeOf = <T>(page: Page, read: (probe: BenchProbe) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.__bench)`) as Promise<T>;

/** ArrowDown through every slice, one key per rendered slice; latency = key event -> data-rendered-slice. */
async function scrollByKeys(page: Page, count: number): Promise<ScrollFigures> {
  await page.focus('[data-testid=viewport]');
  const keysBefore = await probeOf(page, (p) => p.keys.length);
  const rendersBefore = await probeOf(page, (p) => p.renders.length);
  const missing: number[] = [];
  for (let slice = 2; slice <= count; slice++) {
    await page.keyboard.press('ArrowDown');
    try {
      await page.waitForFunction(([want, from]) => {
        const probe = (window as unknown as { __bench: BenchProbe }).__bench;
        return probe.renders.slice(from).some((r) => r.slice === want);
      }, [slice, rendersBefore] as const, { timeout: STEP_TIMEOUT_MS, polling: 'raf' });
    } catch {
      missing.push(slice);
    }
  }
  const keys = (await probeOf(page, (p) => p.keys)).slice(keysBefore);
  const renders = (await probeOf(page, (p) => p.renders)).slice(rendersBefore);
  const ms: number[] = [];
  for (let step = 0; step < keys.length; step++) {
    const key = keys[step] as number;
    const render = renders.find((r) => r.t >= key && r.slice === step + 2);
    if (render) ms.push(render.t - key);
  }
  // Slice locations shown while scrolling must only go one way (head to feet: decreasing).
  const locs = renders.map((r) => Number.parseFloat(r.loc.replace(/^Loc\s*/, ''))).filter(Number.isFinite);
  let outOfOrder = 0;
  for (let i = 1; i < locs.length; i++) if ((locs[i] as number) > (locs[i - 1] as number)) outOfOrder++;
  return { ms, missing, outOfOrder, lastLoc: renders.at(-1)?.loc ?? '' };
}

async function runOnce(browser: Browser, origin: string, viewer: Viewer, series: BenchSeries, truth: SeriesTruth,
  hu: Map<number, HuStats>, rep: number, size: { width: number; height: number }): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const base = { viewer, series: series.name, rep, fallbacks: [] as string[] };
  try {
    const page = await context.newPage();
    const pageErrors: { at: number; message: string }[] = [];
    page.on('pageerror', (error) => {
      pageErrors.push({ at: Date.now(), message: error.message });
      console.error(`  [${viewer}] page error: ${error.message}`);
    });
    const until = <A, R>(fn: (arg: A) => R, arg: A, timeoutMs: number) =>
      waitOrPageError(page, fn, arg, timeoutMs, pageErrors);
    // tsx (esbuild keepNames) wraps named functions in `__name(...)`; functions sent to the page need it defined.
    await page.addInitScript('globalThis.__name ??= (f) => f;');
    await page.addInitScript(installProbe);
    const input = viewer === 'peer' ? '#files' : APP_FILE_INPUT;
    if (viewer !== 'peer') {
      await page.goto(`${origin}/`);
      // The app opens the embedded sample first; its input is disabled until that finished.
      await until((selector: string) => document.querySelector(`${selector}:not([disabled])`) !== null
        && document.querySelector('[data-rendered-slice], [data-testid=load-error]') !== null, input, 60_000);
      // The app as a reader has it once installed: on the first visit its service worker caches the app, its codecs
      // and the sample (17 MB, once), which held a load started meanwhile back by about 150 ms. The peer has none.
      // `ready`: a worker is active, so the caching (its install step) is done. Production builds always register one.
      await until(() => !('serviceWorker' in navigator) || navigator.serviceWorker.ready.then(() => true), undefined, 60_000);
    } else {
      await page.goto(`${origin}/peer/?w=${size.width}&h=${size.height}`);
      await page.waitForSelector(input, { state: 'attached' });
    }
    await page.waitForTimeout(500);
    const heapBefore = await heapFigures(page);
    // A fixed shuffled order, so the viewers have to sort by position and every run sorts the same order.
    await page.setInputFiles(input, seededShuffle(truth.files, 1000 + rep));
    const outcome = await until(loadOutcome, undefined, LOAD_TIMEOUT_MS) as LoadOutcome;
    if (outcome.error !== undefined) return { ...base, error: outcome.error, fallbacks: outcome.fallbacks };
    const headers = await page.evaluate(() => performance.getEntriesByName('peer:headers-read')[0]?.startTime);
    const mainHeap = outcome.seriesReady === undefined ? await settledHeap(page) : await heapFigures(page);
    const heap = { ...mainHeap, withWorkers: await memoryWithWorkers(page) };
    const first = (await probeOf(page, (p) => p.renders)).find((r) => r.t >= outcome.chosen && r.slice === 1);
    const huChecks = [];
    for (const [index, want] of hu) {
      const got = await page.evaluate(([i, who]) => {
        const w = window as unknown as {
          __peer?: { sliceHuStats(i: number): HuStats | undefined };
          __recistDebug?: { sliceHuStats?(i: number): HuStats | undefined };
        };
        return who === 'peer' ? w.__peer?.sliceHuStats(i) : w.__recistDebug?.sliceHuStats?.(i);
      }, [index, viewer] as const);
      huChecks.push({ index, got, want });
    }
    let scroll = await scrollByKeys(page, truth.slices.length);
    if (viewer === 'peer') {
      const raf = await page.evaluate(() =>
        (window as unknown as { __peer: { scrollOnAnimationFrames(): Promise<{ ms: number[]; slices: number[] }> } })
          .__peer.scrollOnAnimationFrames());
      const rafMissing = raf.slices.map((s, i) => (s === i + 2 ? 0 : i + 2)).filter((s) => s !== 0);
      scroll = { ...scroll, rafMs: raf.ms, rafMissing };
    }
    return {
      ...base,
      firstImageMs: (outcome.firstImage as number) - outcome.chosen,
      ...(outcome.seriesReady === undefined ? {} : { seriesReadyMs: outcome.seriesReady - outcome.chosen }),
      ...(headers === undefined ? {} : { headersMs: headers - outcome.chosen }),
      fallbacks: outcome.fallbacks,
      heap, heapBefore, scroll,
      counter: first?.counter ?? '',
      firstLoc: first?.loc ?? '',
      hu: huChecks,
    };
  } catch (thrown) {
    return { ...base, error: thrown instanceof Error ? thrown.message.split('\n')[0] : String(thrown) };
  } finally {
    await context.close();
  }
}

async function appViewportSize(browser: Browser, origin: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`${origin}/`);
    const box = await (await page.waitForSelector('[data-testid=viewport]', { timeout: 30_000 })).boundingBox();
    return box ? { width: Math.round(box.width), height: Math.round(box.height) } : { width: 1024, height: 600 };
  } catch {
    return { width: 1024, height: 600 };
  } finally {
    await page.close();
  }
}

const MB = 1024 * 1024;
const locText = (mm: number | undefined) => (mm === undefined ? '—' : `${mm.toFixed(1)} mm`);
const huText = (s: HuStats | undefined) => (s ? `${s.mean.toFixed(1)} [${s.min}, ${s.max}]` : '—');
const sameHu = (a: HuStats | undefined, b: HuStats) =>
  a !== undefined && Math.abs(a.mean - b.mean) < 0.01 && a.min === b.min && a.max === b.max;

interface SeriesSummary {
  readonly first: number | undefined;
  readonly ready: number | undefined;
  readonly p95: number | undefined;
  readonly heap: number | undefined;
  readonly withWorkers: number | undefined;
  readonly skipped: number;
}

function summarise(results: readonly RunResult[]): SeriesSummary {
  const ok = results.filter((r) => r.error === undefined);
  const scroll = ok.flatMap((r) => r.scroll?.ms ?? []);
  return {
    first: median(ok.map((r) => r.firstImageMs as number)),
    ready: median(ok.flatMap((r) => r.seriesReadyMs ?? [])),
    p95: percentile(scroll, 95),
    heap: median(ok.map((r) => (r.heap ? r.heap.jsHeap + (r.heap.backing ?? 0) : NaN))),
    withWorkers: ok.every((r) => r.heap?.withWorkers !== undefined)
      ? median(ok.map((r) => r.heap?.withWorkers as number)) : undefined,
    skipped: ok.reduce((n, r) => n + (r.scroll?.missing.length ?? 0), 0),
  };
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
const verdict = (good: boolean | undefined) => (good === undefined ? 'n/a' : good ? 'PASS' : 'MISS');

function targetVerdicts(series: string, label: string, ours: SeriesSummary, peer: SeriesSummary, failed: string | undefined): string[][] {
  if (ours.first === undefined) return [[series, `${label}: all targets`, '—', `n/a: it could not load it (${failed ?? 'not run'})`]];
  const first = ratio(ours.first, peer.first);
  const ready = ratio(ours.ready, peer.ready);
  // With workers when the browser could measure them for both (our app decodes in workers), else the main thread.
  const byWorkers = ours.withWorkers !== undefined && peer.withWorkers !== undefined;
  const heap = byWorkers ? ratio(ours.withWorkers, peer.withWorkers) : ratio(ours.heap, peer.heap);
  const name = (target: string) => (label === 'ours' ? target : `${label}: ${target}`);
  return [
    [series, name('first image <= 0.5x peer'), fmt(first, 2), verdict(first === undefined ? undefined : first <= 0.5)],
    [series, name('whole series <= 0.6x peer'), fmt(ready, 2), verdict(ready === undefined ? undefined : ready <= 0.6)],
    [series, name('scroll p95 <= 17 ms, no slice skipped'), `${fmt(ours.p95, 1)} ms, ${ours.skipped} skipped`,
      verdict(ours.p95 === undefined ? undefined : ours.p95 <= 17 && ours.skipped === 0)],
    [series, name(`memory (${byWorkers ? 'page + workers' : 'main-thread JS heap + ArrayBuffers'}) <= peer`), fmt(heap, 2),
      verdict(heap === undefined ? undefined : heap <= 1)],
  ];
}

/**
 * First image and whole series of `app` over the peer's in the same repetition, median over repetitions: on a busy
 * machine the peer's figures swing as much as ours, and a load taken next to it shares its conditions.
 */
function pairedRatios(results: readonly RunResult[], app: AppViewer): string | undefined {
  const reps = [...new Set(results.map((r) => r.rep))];
  const pairs = reps.flatMap((rep) => {
    const ours = results.find((r) => r.rep === rep && r.viewer === app && r.error === undefined);
    const peer = results.find((r) => r.rep === rep && r.viewer === 'peer' && r.error === undefined);
    return ours && peer ? [{ first: ratio(ours.firstImageMs, peer.firstImageMs), ready: ratio(ours.seriesReadyMs, peer.seriesReadyMs) }] : [];
  });
  if (pairs.length < 2) return undefined;
  const firsts = pairs.flatMap((p) => (p.first === undefined ? [] : [p.first]));
  const readies = pairs.flatMap((p) => (p.ready === undefined ? [] : [p.ready]));
  return `first image ${fmt(median(firsts), 2)} (${firsts.map((r) => fmt(r, 2)).join(', ')}), whole series ${fmt(median(readies), 2)} (${readies.map((r) => fmt(r, 2)).join(', ')})`;
}

function report(series: readonly BenchSeries[], truths: Map<string, SeriesTruth>, hus: Map<string, Map<number, HuStats>>,
  results: readonly RunResult[], notes: string[]): string {
  const lines: string[] = [];
  const rows: string[][] = [];
  const verdicts: string[][] = [];
  const checks: string[][] = [];
  for (const s of series) {
    const truth = truths.get(s.name) as SeriesTruth;
    const summaries = new Map<Viewer, SeriesSummary>();
    for (const viewer of VIEWERS) {
      const runs = results.filter((r) => r.series === s.name && r.viewer === viewer);
      const ok = runs.filter((r) => r.error === undefined);
      summaries.set(viewer, summarise(runs));
      const label = viewer === 'peer' ? 'peer (cs-core + CWIL 4.13)' : appLabel(viewer);
      if (ok.length === 0) {
        rows.push([s.name, label, `failed: ${runs[0]?.error ?? 'no run'}`, '', '', '', '', '', '']);
        continue;
      }
      const scroll = ok.flatMap((r) => r.scroll?.ms ?? []);
      const raf = ok.flatMap((r) => r.scroll?.rafMs ?? []);
      const missing = ok.reduce((n, r) => n + (r.scroll?.missing.length ?? 0), 0);
      const heap = ok.map((r) => (r.heap ? r.heap.jsHeap / MB : NaN));
      const backing = ok.map((r) => (r.heap?.backing !== undefined ? r.heap.backing / MB : NaN));
      const withWorkers = ok.flatMap((r) => (r.heap?.withWorkers !== undefined ? [r.heap.withWorkers / MB] : []));
      const fallback = [...new Set(ok.flatMap((r) => r.fallbacks))];
      rows.push([
        s.name, label + (fallback.length > 0 ? ' †' : ''),
        spread(ok.map((r) => r.firstImageMs as number)),
        ok.some((r) => r.seriesReadyMs !== undefined) ? spread(ok.flatMap((r) => r.seriesReadyMs ?? [])) : '— (no mark)',
        `${fmt(percentile(scroll, 50), 1)} / ${fmt(percentile(scroll, 95), 1)} / ${fmt(Math.max(...scroll), 1)}`
          + (raf.length > 0 ? ` (rAF-driven: ${fmt(percentile(raf, 50), 1)} / ${fmt(percentile(raf, 95), 1)} / ${fmt(Math.max(...raf), 1)})` : ''),
        `${missing} of ${ok.length * (truth.slices.length - 1)}`,
        spread(heap),
        spread(backing),
        spread(withWorkers),
      ]);
      if (fallback.length > 0) notes.push(`† ${label}, ${s.name}: ${fallback.join('; ')}`);
      // Correctness: count, order, first/last location, HU.
      const want0 = locText(truth.slices[0]?.locationMm);
      const wantN = locText(truth.slices.at(-1)?.locationMm);
      const counterOk = ok.every((r) => r.counter === `Slice 1 / ${truth.slices.length}`);
      const firstOk = ok.every((r) => (r.firstLoc ?? '').includes(want0));
      const lastOk = ok.every((r) => (r.scroll?.lastLoc ?? '').includes(wantN));
      const orderOk = ok.every((r) => r.scroll?.outOfOrder === 0);
      const huRuns = ok.flatMap((r) => r.hu ?? []);
      const huWant = hus.get(s.name) as Map<number, HuStats>;
      const huPending = huRuns.every((h) => h.got === undefined);
      const huOk = !huPending && huRuns.every((h) => sameHu(h.got, h.want));
      const huDetail = [...huWant].map(([i, want]) => {
        const got = huRuns.find((h) => h.index === i)?.got;
        return `#${i + 1}: ${huText(got)} vs ${huText(want)}`;
      }).join('; ');
      checks.push([
        s.name, viewer === 'peer' ? 'peer' : appLabel(viewer),
        `${counterOk ? 'ok' : 'WRONG'} (${ok[0]?.counter ?? '—'})`,
        `${firstOk && lastOk && orderOk ? 'ok' : 'WRONG'} (first ${ok[0]?.firstLoc ?? '—'} want ${want0}; last ${ok[0]?.scroll?.lastLoc ?? '—'} want ${wantN}; ${ok.reduce((n, r) => n + (r.scroll?.outOfOrder ?? 0), 0)} steps out of order)`,
        huPending ? `pending: needs hook \`${APP_HU_HOOK}\`` : `${huOk ? 'ok' : 'WRONG'} (${huDetail})`,
      ]);
    }
    const peer = summaries.get('peer') as SeriesSummary;
    for (const app of APP_VIEWERS) {
      verdicts.push(...targetVerdicts(s.name, appLabel(app), summaries.get(app) as SeriesSummary, peer,
        results.find((r) => r.series === s.name && r.viewer === app && r.error !== undefined)?.error));
      const paired = pairedRatios(results.filter((r) => r.series === s.name), app);
      if (paired) notes.push(`${appLabel(app)} / peer, ${s.name}, median of per-repetition ratios (each against the peer's load right after or before it): ${paired}`);
    }
  }
  lines.push(markdownTable(
    ['series', 'viewer', 'first image ms', 'whole series ms', 'scroll ms p50 / p95 / max', 'slices skipped', 'JS heap MB',
      'ArrayBuffers MB', 'page + workers MB'],
    rows,
  ));
  lines.push('', markdownTable(['series', 'target (ours vs peer, same run)', 'ours / peer', 'verdict'], verdicts));
  lines.push('', markdownTable(['series', 'viewer', 'slice count', 'position order', 'HU mean [min, max], first / middle / last vs files'], checks));
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

export async function runViewerBench(): Promise<void> {
  // BENCH_SERIES=uncompressed: only the series whose name contains it, for a quicker A/B.
  const only = process.env.BENCH_SERIES;
  const series = ensureBenchSeries().filter((s) => only === undefined || s.name.includes(only));
  const truths = new Map<string, SeriesTruth>();
  const hus = new Map<string, Map<number, HuStats>>();
  for (const s of series) {
    const truth = readSeriesTruth(s.dir);
    truths.set(s.name, truth);
    // Transcodes are lossless and keep their SOP Instance UIDs: their HU truth comes from the uncompressed originals.
    const originals = s.dir === s.originalDir ? truth : readSeriesTruth(s.originalDir);
    const byUid = new Map(originals.slices.map((slice) => [slice.sopInstanceUid, slice.path]));
    const n = truth.slices.length;
    const wanted = new Map<number, HuStats>();
    for (const index of [0, Math.floor(n / 2), n - 1]) {
      const original = byUid.get(truth.slices[index]?.sopInstanceUid ?? '');
      if (original) wanted.set(index, huStatsOfFile(original));
    }
    hus.set(s.name, wanted);
  }
  console.log(`viewer: building ${APP_SOURCE === 'both' ? 'both apps' : 'the app'} and the peer page (vite build) …`);
  const buildErrors = await buildApps();
  await buildPeer();
  const notes: string[] = [`app: ${gitState()}`, `load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`];
  notes.push(...buildErrors.values());
  // One origin per app build (each build expects to be served from /), the peer beside the first.
  const server = await startStaticServer({ '/': appDist('ours'), '/peer/': PEER_DIST });
  const headServer = APP_VIEWERS.includes('head') ? await startStaticServer({ '/': appDist('head') }) : undefined;
  const originOf = (viewer: Viewer) => (viewer === 'head' && headServer ? headServer.origin : server.origin);
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info',
      // measureUserAgentSpecificMemory answers at once instead of at the next natural GC (up to 20 s later).
      '--enable-blink-features=ForceEagerMeasureMemory'],
  });
  const results: RunResult[] = [];
  try {
    const size = await appViewportSize(browser, server.origin);
    notes.push(`peer viewport sized like ours: ${size.width} x ${size.height} px (page 1280 x 800); files handed over in a fixed shuffled order, so both must sort by position`);
    for (let rep = 1; rep <= REPETITIONS; rep++) {
      for (const s of series) {
        // Every other repetition in reverse, so no viewer always runs right after another one's load.
        for (const viewer of rep % 2 === 1 ? VIEWERS : [...VIEWERS].reverse()) {
          if (viewer !== 'peer' && buildErrors.has(viewer)) continue;
          const result = await runOnce(browser, originOf(viewer), viewer, s, truths.get(s.name) as SeriesTruth,
            hus.get(s.name) as Map<number, HuStats>, rep, size);
          results.push(result);
          console.log(`  rep ${rep} ${s.name} ${viewer}: ${result.error ? `failed: ${result.error}` :
            `${result.headersMs === undefined ? '' : `headers ${fmt(result.headersMs)} ms, `}first ${fmt(result.firstImageMs)} ms, ready ${fmt(result.seriesReadyMs)} ms, scroll p95 ${fmt(percentile(result.scroll?.ms ?? [], 95), 1)} ms`}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await headServer?.close();
  }
  notes.push(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const table = report(series, truths, hus, results, notes);
  console.log(`\nviewer bench (${REPETITIONS} repetitions; median (min–max); scroll pooled over repetitions)\n`);
  console.log(table);
  writeFileSync(join(DATA_DIR, 'viewer-results.md'), `${table}\n`);
  writeFileSync(join(DATA_DIR, 'viewer-results.json'), JSON.stringify(results, null, 1));
}
