// The committed R fixtures are what R gives now: re-runs make-fixtures.R into a temp folder and compares every
// file, numbers to 1e-9 relative (another R build may differ in the last bits). Runs only where Rscript and
// the survival package are installed (scripts/test-all.mjs installs r-base-core and r-cran-survival).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_FILES, FIXTURES, relativeDifference } from './rFixtures';

const hasRscript =
  spawnSync('sh', ['-c', 'command -v Rscript'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('Rscript', ['-e', 'library(survival)'], { stdio: 'ignore' }).status === 0;

/** Paths where two JSON values differ: structure exactly, numbers to `tolerance` relative. */
function differences(a: unknown, b: unknown, path: string, tolerance: number): string[] {
  if (typeof a === 'number' && typeof b === 'number') return relativeDifference(a, b) <= tolerance ? [] : [`${path}: ${a} vs ${b}`];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: length ${a.length} vs ${b.length}`];
    return a.flatMap((v, i) => differences(v, b[i], `${path}[${i}]`, tolerance));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, tolerance));
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

describe.skipIf(!hasRscript)(`R fixtures are current${hasRscript ? '' : ' (skipped: no Rscript; apt-get install r-base-core r-cran-survival)'}`, () => {
  const out = mkdtempSync(join(tmpdir(), 'recist-survival-r-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('make-fixtures.R runs', () => {
    const run = spawnSync('Rscript', [join(FIXTURES, 'make-fixtures.R'), out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  }, 60_000);

  it.each(FIXTURE_FILES)('%s matches what R gives now', (name) => {
    const now: unknown = JSON.parse(readFileSync(join(out, name), 'utf8'));
    const committed: unknown = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
    // The R and survival versions are recorded, not compared.
    if (name === 'datasets.json') Object.assign(now as object, { source: (committed as { source: string }).source });
    expect(differences(now, committed, name, 1e-9)).toEqual([]);
  });
});

describe('the JSON comparison', () => {
  it('finds a changed number, a missing key and a changed length', () => {
    expect(differences({ a: [1, 2], b: 1 }, { a: [1, 2.1], c: 1 }, 'x', 1e-9)).toEqual(['x.a[1]: 2 vs 2.1', 'x.b: 1 vs undefined', 'x.c: undefined vs 1']);
    expect(differences([1], [1, 2], 'y', 1e-9)).toEqual(['y: length 1 vs 2']);
  });
});
