// Cohen's kappa for two readers' labels, with the large-sample variance of Fleiss, Cohen & Everitt (Psychol Bull
// 1969;72:323-327) and a normal confidence interval clipped to [-1, 1]: the same numbers as R's
// psych::cohen.kappa (its unweighted row), which a test checks to 1e-6.
import { normalQuantile } from '../survival/distributions';

export interface KappaResult {
  /** Pairs of labels compared. */
  readonly n: number;
  /** Observed agreement: the share of pairs with the same label. */
  readonly observedAgreement: number;
  /** Agreement expected by chance from each reader's own label frequencies. */
  readonly chanceAgreement: number;
  /** Null when every label of both readers is the same one category (kappa is undefined, as R says NA). */
  readonly kappa: number | null;
  readonly standardError: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** The categories seen, in the order of the table. */
  readonly categories: readonly string[];
}

/** `pairs` are [reader 1's label, reader 2's label]; `alpha` 0.05 gives a 95 % interval. */
export function cohenKappa(pairs: readonly (readonly [string, string])[], alpha = 0.05): KappaResult {
  const categories = [...new Set(pairs.flatMap(([a, b]) => [a, b]))].sort();
  const k = categories.length;
  const n = pairs.length;
  const index = new Map(categories.map((c, i) => [c, i]));
  // Proportions p[i][j]: reader 1 said category i, reader 2 category j.
  const p = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const [a, b] of pairs) {
    const cells = p[index.get(a) as number] as number[];
    const j = index.get(b) as number;
    cells[j] = (cells[j] as number) + 1 / n;
  }
  const row = p.map((r) => r.reduce((s, x) => s + x, 0));
  const col = categories.map((_, j) => p.reduce((s, r) => s + (r[j] as number), 0));
  const at = (i: number, j: number) => (p[i] as number[])[j] as number;
  let po = 0;
  let pc = 0;
  for (let i = 0; i < k; i++) {
    po += at(i, i);
    pc += (row[i] as number) * (col[i] as number);
  }
  if (n === 0 || k <= 1) {
    return { n, observedAgreement: n === 0 ? 0 : po, chanceAgreement: pc, kappa: null, standardError: null, lower: null, upper: null, categories };
  }
  const kappa = (po - pc) / (1 - pc);
  let diagonal = 0;
  let offDiagonal = 0;
  for (let i = 0; i < k; i++) {
    const ri = row[i] as number;
    const ci = col[i] as number;
    diagonal += at(i, i) * ((1 - pc) - (ri + ci) * (1 - po)) ** 2;
    for (let j = 0; j < k; j++) if (i !== j) offDiagonal += at(i, j) * (ci + (row[j] as number)) ** 2;
  }
  let variance = (diagonal + (1 - po) ** 2 * offDiagonal - (po * pc - 2 * pc + po) ** 2) / (n * (1 - pc) ** 4);
  if (!Number.isFinite(variance) || variance < 0) variance = 0;
  const se = Math.sqrt(variance);
  const z = normalQuantile(1 - alpha / 2);
  const clip = (x: number) => Math.max(-1, Math.min(1, x));
  return { n, observedAgreement: po, chanceAgreement: pc, kappa, standardError: se, lower: clip(kappa - z * se), upper: clip(kappa + z * se), categories };
}
