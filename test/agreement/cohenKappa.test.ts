// Cohen's kappa and its standard error against R's psych::cohen.kappa (Debian r-cran-psych), to 1e-6, on
// response labels like a double read's: the reference is computed by R in the test, not copied in.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../src/agreement/cohenKappa';
import { mulberry32 } from '../../src/phantom/prng';

const LABELS = ['CR', 'PR', 'SD', 'PD', 'NE'] as const;

/** Two readers who agree with probability `agree`, else pick any label. */
function readers(seed: number, n: number, agree: number): [string, string][] {
  const u = mulberry32(seed);
  const weights = [0.08, 0.3, 0.35, 0.2, 0.07];
  const pick = () => {
    let r = u();
    for (let i = 0; i < LABELS.length; i++) if ((r -= weights[i] as number) < 0) return LABELS[i] as string;
    return 'NE';
  };
  return Array.from({ length: n }, () => {
    const a = pick();
    return [a, u() < agree ? a : pick()] as [string, string];
  });
}

function rKappa(pairs: readonly (readonly [string, string])[]): { kappa: number; se: number; lower: number; upper: number } {
  const vec = (i: 0 | 1) => `c(${pairs.map((p) => `'${p[i]}'`).join(',')})`;
  const script = `suppressMessages(library(psych)); k <- suppressWarnings(cohen.kappa(cbind(${vec(0)}, ${vec(1)}))); cat(sprintf('%.15g %.15g %.15g %.15g', k$kappa, sqrt(k$var.kappa), k$confid[1,1], k$confid[1,3]))`;
  const [kappa, se, lower, upper] = execFileSync('Rscript', ['-e', script], { encoding: 'utf8' }).trim().split(' ').map(Number) as [number, number, number, number];
  return { kappa, se, lower, upper };
}

describe("Cohen's kappa matches R's psych::cohen.kappa", () => {
  it.each([
    ['15 pairs, mostly agreeing', readers(1, 15, 0.7)],
    ['40 pairs, little agreement', readers(2, 40, 0.2)],
    ['120 pairs, strong agreement', readers(3, 120, 0.85)],
    ['8 pairs, two categories', [['PR', 'PR'], ['PR', 'SD'], ['SD', 'SD'], ['SD', 'SD'], ['PR', 'PR'], ['SD', 'PR'], ['PR', 'PR'], ['SD', 'SD']] as [string, string][]],
    ['perfect agreement over three categories', [['PR', 'PR'], ['SD', 'SD'], ['PD', 'PD'], ['PR', 'PR']] as [string, string][]],
  ])('%s', (_what, pairs) => {
    const ours = cohenKappa(pairs);
    const r = rKappa(pairs);
    expect(ours.kappa).not.toBeNull();
    expect(Math.abs((ours.kappa as number) - r.kappa)).toBeLessThan(1e-6);
    expect(Math.abs((ours.standardError as number) - r.se)).toBeLessThan(1e-6);
    expect(Math.abs((ours.lower as number) - r.lower)).toBeLessThan(1e-6);
    expect(Math.abs((ours.upper as number) - r.upper)).toBeLessThan(1e-6);
  }, 60_000);

  it('is undefined (null) when both readers only ever say one label, as R says NA', () => {
    const k = cohenKappa([['SD', 'SD'], ['SD', 'SD']]);
    expect(k.kappa).toBeNull();
    expect(k.observedAgreement).toBe(1);
  });

  it('a hand-checked table: po 0.7, pc 0.5 give kappa 0.4', () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 35 }, () => ['PR', 'PR'] as [string, string]),
      ...Array.from({ length: 15 }, () => ['PR', 'SD'] as [string, string]),
      ...Array.from({ length: 15 }, () => ['SD', 'PR'] as [string, string]),
      ...Array.from({ length: 35 }, () => ['SD', 'SD'] as [string, string]),
    ];
    const k = cohenKappa(pairs);
    expect(k.observedAgreement).toBeCloseTo(0.7, 12);
    expect(k.chanceAgreement).toBeCloseTo(0.5, 12);
    expect(k.kappa).toBeCloseTo(0.4, 12);
  });
});
