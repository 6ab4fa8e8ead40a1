// `npm run bench -- measure`: one-click measurement against exactly known truth (src/phantom/oneClickCases.ts).
// Prints, for the long and short axis, bias, median and 95th-percentile absolute error and ICC against truth; the
// repeatability over ten clicks inside each lesion (CV); the failure rate; the time per click on 512 x 512 in Node.
// Figures are printed, never asserted (docs/one-click.md holds the last run).
import { performance } from 'node:perf_hooks';
import { ONE_CLICK_CATEGORIES, oneClickCases, type OneClickCase, type PointMm2 } from '../src/phantom/oneClickCases';
import { measureOutline } from '../src/segment/diameters';
import { segmentLesion } from '../src/segment/segmentLesion';
import type { SliceHu } from '../src/segment/types';
import { coefficientOfVariation, iccAgreement, rmsCv } from './agreement';
import { fmt, markdownTable, median, percentile } from './stats';

const PER_CATEGORY = Number(process.env['BENCH_MEASURE_CASES'] ?? 10);
/** BENCH_MEASURE_ONLY=lung (a part of a category's name) runs that category alone, for tuning one tail at a time. */
const ONLY = process.env['BENCH_MEASURE_ONLY'];
/** The lesions with the largest errors or spread are listed with each click, so a tail can be looked at. */
const WORST_LISTED = Number(process.env['BENCH_MEASURE_WORST'] ?? 8);

interface Click {
  readonly lesion: OneClickCase;
  readonly truthLong: number;
  readonly truthShort: number;
  readonly at: PointMm2;
  readonly result: { long: number; short: number } | string;
  readonly ms: number;
  /** This process's CPU time for the click: what it costs when other jobs share the cores (wall time then grows). */
  readonly cpuMs: number;
}

const toPixel = (c: OneClickCase, p: PointMm2) => ({ row: p.y / c.spacingMm, col: p.x / c.spacingMm });

function sliceOf(c: OneClickCase): SliceHu {
  return { values: c.hu, rows: c.size, cols: c.size, rowSpacingMm: c.spacingMm, colSpacingMm: c.spacingMm };
}

function axisRow(name: string, clicks: readonly Click[], pick: (c: Click) => [truth: number, measured: number] | null): string[] {
  const pairs = clicks.map(pick).filter((p): p is [number, number] => p !== null);
  const errors = pairs.map(([t, m]) => m - t);
  const abs = errors.map(Math.abs);
  const bias = errors.reduce((s, e) => s + e, 0) / errors.length;
  const relBias = pairs.reduce((s, [t, m]) => s + (m - t) / t, 0) / pairs.length;
  return [
    name,
    `${fmt(bias, 2)} (${fmt(relBias * 100, 1)} %)`,
    fmt(median(abs), 2),
    fmt(percentile(abs, 95), 2),
    fmt(Math.max(...abs), 1),
    fmt(iccAgreement(pairs.map((p) => p[0]), pairs.map((p) => p[1])), 3),
  ];
}

export function runMeasureBench(): void {
  const cases = oneClickCases(PER_CATEGORY).filter((c) => ONLY === undefined || c.category.includes(ONLY));
  // Warm the JIT first: the browser's worker is warm after its first click too.
  for (const c of cases.slice(0, 3)) segmentLesion(sliceOf(c), toPixel(c, c.clicks[0] as PointMm2));
  const clicks: Click[] = [];
  const normalFound: string[] = [];
  for (const c of cases) {
    const slice = sliceOf(c);
    const truth = measureOutline(c.outline.map((p) => toPixel(c, p)), c.spacingMm, c.spacingMm);
    for (const p of c.clicks) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const r = segmentLesion(slice, toPixel(c, p));
      const cpu = process.cpuUsage(cpu0);
      const ms = performance.now() - t0;
      clicks.push({
        lesion: c,
        truthLong: truth.longAxisMm,
        truthShort: truth.shortAxisMm,
        at: p,
        result: r.ok ? { long: r.value.longAxisMm, short: r.value.shortAxisMm } : r.error.code,
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    }
    const normal = segmentLesion(slice, toPixel(c, c.normalClick));
    if (normal.ok) normalFound.push(`${c.id} (${normal.value.longAxisMm.toFixed(1)} mm)`);
  }
  const done = (c: Click) => typeof c.result !== 'string';
  const longOf = (c: Click): [number, number] | null => (typeof c.result === 'string' ? null : [c.truthLong, c.result.long]);
  const shortOf = (c: Click): [number, number] | null => (typeof c.result === 'string' ? null : [c.truthShort, c.result.short]);
  const failures = clicks.filter((c) => !done(c));
  const cvs = (axis: 'long' | 'short') =>
    cases.map((c) => coefficientOfVariation(clicks.filter((k) => k.lesion === c && done(k)).map((k) => (k.result as { long: number; short: number })[axis])))
      .filter(Number.isFinite);
  const cvLong = cvs('long');
  const cvShort = cvs('short');
  const times = clicks.map((c) => c.ms);
  const cpuTimes = clicks.map((c) => c.cpuMs);

  console.log(`\n## One-click measurement: ${cases.length} lesions x 10 clicks = ${clicks.length} clicks, 512 x 512 at 0.75 mm, noise SD 12 HU\n`);
  console.log(markdownTable(
    ['axis', 'bias mm (%)', 'median abs. error mm', 'p95 abs. error mm', 'max abs. error mm', 'ICC(A,1)'],
    [axisRow('long axis', clicks, longOf), axisRow('short axis', clicks, shortOf)],
  ));
  console.log('');
  console.log(markdownTable(['', 'value', 'target'], [
    ['repeatability, long axis: RMS CV over lesions (worst lesion)', `${fmt(rmsCv(cvLong) * 100, 2)} % (${fmt(Math.max(...cvLong) * 100, 1)} %)`, '<= 3 %'],
    ['repeatability, short axis: RMS CV over lesions (worst lesion)', `${fmt(rmsCv(cvShort) * 100, 2)} % (${fmt(Math.max(...cvShort) * 100, 1)} %)`, '<= 3 %'],
    ['failures (no lesion found at a click inside one)', `${failures.length} of ${clicks.length} (${fmt((100 * failures.length) / clicks.length, 1)} %)`, '<= 5 %'],
    ['clicks on normal tissue that found a "lesion"', `${normalFound.length} of ${cases.length}`, '0'],
    ['time per click, Node, median (p95)', `${fmt(median(times), 1)} ms (${fmt(percentile(times, 95), 1)} ms)`, '< 100 ms in the browser'],
    ['CPU time per click, Node, median (p95)', `${fmt(median(cpuTimes), 1)} ms (${fmt(percentile(cpuTimes, 95), 1)} ms)`, ''],
  ]));
  console.log('\nPer category (median abs. error, long and short axis, mm; failures):\n');
  console.log(markdownTable(['category', 'lesions', 'contrast HU', 'long', 'short', 'failures'], ONE_CLICK_CATEGORIES.filter((category) => clicks.some((c) => c.lesion.category === category)).map((category) => {
    const inCat = clicks.filter((c) => c.lesion.category === category);
    const abs = (f: (c: Click) => [number, number] | null) => inCat.map(f).filter((p): p is [number, number] => p !== null).map(([t, m]) => Math.abs(m - t));
    const contrasts = [...new Set(inCat.map((c) => c.lesion.contrastHu))];
    return [
      category,
      String(inCat.length / 10),
      `${Math.min(...contrasts)} to ${Math.max(...contrasts)}`,
      `${fmt(median(abs(longOf)), 2)} (p95 ${fmt(percentile(abs(longOf), 95), 2)})`,
      `${fmt(median(abs(shortOf)), 2)} (p95 ${fmt(percentile(abs(shortOf), 95), 2)})`,
      String(inCat.filter((c) => !done(c)).length),
    ];
  })));
  if (failures.length > 0) {
    const why = new Map<string, number>();
    for (const f of failures) why.set(`${f.lesion.category}: ${f.result as string}`, (why.get(`${f.lesion.category}: ${f.result as string}`) ?? 0) + 1);
    console.log(`\nFailures by reason: ${[...why].map(([k, v]) => `${k} x${v}`).join('; ')}`);
  }
  if (normalFound.length > 0) console.log(`Normal-tissue clicks that found something: ${normalFound.join(', ')}`);
  printWorst(cases, clicks);
}

/** The lesions whose clicks went furthest wrong (largest absolute error on either axis, a failure counting as 99 mm). */
function printWorst(cases: readonly OneClickCase[], clicks: readonly Click[]): void {
  if (WORST_LISTED <= 0) return;
  const errorOf = (k: Click) => (typeof k.result === 'string' ? 99 : Math.max(Math.abs(k.result.long - k.truthLong), Math.abs(k.result.short - k.truthShort)));
  const worst = cases
    .map((c) => ({ c, ks: clicks.filter((k) => k.lesion === c) }))
    .map((x) => ({ ...x, error: Math.max(...x.ks.map(errorOf)) }))
    .sort((a, b) => b.error - a.error)
    .slice(0, WORST_LISTED);
  console.log(`\nWorst ${worst.length} lesions (truth long x short mm; each click: x,y mm -> long x short, or the refusal):\n`);
  for (const { c, ks } of worst) {
    const first = ks[0] as Click;
    console.log(`${c.id} (contrast ${c.contrastHu} HU): truth ${fmt(first.truthLong, 1)} x ${fmt(first.truthShort, 1)}`);
    console.log(`  ${ks.map((k) => `${fmt(k.at.x, 1)},${fmt(k.at.y, 1)} -> ${typeof k.result === 'string' ? k.result : `${fmt(k.result.long, 1)} x ${fmt(k.result.short, 1)}`}`).join('; ')}`);
  }
}
