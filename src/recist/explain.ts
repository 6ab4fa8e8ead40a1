// Numbers as a radiologist reads them in an explanation: "26.0 mm", "+23.8 %".
import { type Micrometres, formatMm } from './units';

export const mm = (value: Micrometres): string => `${formatMm(value)} mm`;

/** Percentage change of `value` against `reference`, rounded to 0.1; null when the reference is 0. */
export function percentChange(value: Micrometres, reference: Micrometres): number | null {
  if (reference === 0) return null;
  return Math.round(((value - reference) / reference) * 1000) / 10;
}

export function signedPercent(value: Micrometres, reference: Micrometres): string {
  const pct = percentChange(value, reference);
  if (pct === null) return 'n/a %';
  return `${pct > 0 ? '+' : pct < 0 ? '-' : '±'}${Math.abs(pct).toFixed(1)} %`;
}

export function signedMm(delta: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '±';
  return `${sign}${formatMm(Math.abs(delta) as Micrometres)} mm`;
}
