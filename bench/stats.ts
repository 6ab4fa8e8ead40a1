// Small numeric helpers for bench tables.

/** Nearest-rank percentile (p in 0..100) of unsorted samples; undefined for none. */
export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export const median = (samples: readonly number[]): number | undefined => percentile(samples, 50);

export const fmt = (value: number | undefined, decimals = 0): string =>
  value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(decimals);

/** "median (min–max)" of repetitions. */
export function spread(samples: readonly number[], decimals = 0): string {
  if (samples.length === 0) return '—';
  const m = median(samples);
  if (samples.length === 1) return fmt(m, decimals);
  return `${fmt(m, decimals)} (${fmt(Math.min(...samples), decimals)}–${fmt(Math.max(...samples), decimals)})`;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
