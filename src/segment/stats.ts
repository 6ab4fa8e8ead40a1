// Order statistics on small samples (a few hundred values per click).

export function quantile(values: readonly number[] | Float32Array, q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = Float64Array.from(values).sort();
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export const median = (values: readonly number[] | Float32Array): number => quantile(values, 0.5);

/**
 * The most common value, from a histogram with `binWidth` bins smoothed by a Gaussian of `bandwidth`: a tissue's
 * level even when part of the sample is another tissue (a vessel in the ring round a liver lesion).
 */
export function mode(values: readonly number[], binWidth: number, bandwidth: number): number {
  if (values.length === 0) throw new Error('mode of no values');
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const bins = Math.max(1, Math.min(4096, Math.ceil((hi - lo) / binWidth) + 1));
  const width = (hi - lo) / bins || 1;
  const counts = new Float64Array(bins);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  const reach = Math.ceil((2.5 * bandwidth) / width);
  let best = 0;
  let bestDensity = -1;
  for (let b = 0; b < bins; b++) {
    let density = 0;
    for (let k = Math.max(0, b - reach); k <= Math.min(bins - 1, b + reach); k++) {
      density += (counts[k] as number) * Math.exp(-(((k - b) * width) ** 2) / (2 * bandwidth * bandwidth));
    }
    if (density > bestDensity) {
      bestDensity = density;
      best = b;
    }
  }
  return lo + (best + 0.5) * width;
}
