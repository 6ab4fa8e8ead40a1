// Groups from a covariate column. A categorical column: one group per value. A numeric one: split at the median
// ("age <= 63" and "age > 63", the median of the patients being analysed, as R's median: the middle value, or the
// mean of the two middle values), one group per value (for a few values such as ECOG), or no groups at all (the
// value enters the Cox model as a continuous term, the hazard ratio per unit).
import { sortGroupLabels } from '../survival/records';
import type { NumericUse } from './cohortChoice';
import type { CovariateColumn } from './patientCsv';

export type CovariateGrouping =
  | {
      readonly kind: 'groups';
      readonly levels: readonly string[];
      readonly groupOf: (value: string) => string;
      /** Set when the groups are a median split. */
      readonly median: number | null;
    }
  | { readonly kind: 'continuous' };

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A number as a label: no float noise (63.5, not 63.49999999). */
export const numberLabel = (x: number): string => String(Number(x.toPrecision(6)));

export const valueLabel = (column: string, value: string): string => `${column} = ${value}`;
export const atOrBelowLabel = (column: string, m: number): string => `${column} ≤ ${numberLabel(m)}`;
export const aboveLabel = (column: string, m: number): string => `${column} > ${numberLabel(m)}`;

/**
 * The grouping of `column` for the patients being analysed (`values`: their non-empty cells). A categorical column
 * ignores `use`: its values are its groups.
 */
export function covariateGrouping(column: CovariateColumn, use: NumericUse, values: readonly string[]): CovariateGrouping {
  if (column.kind === 'categorical' || use === 'values') {
    const levels = sortGroupLabels(values);
    return { kind: 'groups', levels: levels.map((v) => valueLabel(column.name, v)), groupOf: (v) => valueLabel(column.name, v), median: null };
  }
  if (use === 'continuous') return { kind: 'continuous' };
  const m = median(values.map(Number));
  const below = atOrBelowLabel(column.name, m);
  const above = aboveLabel(column.name, m);
  const present = new Set(values.map((v) => (Number(v) <= m ? below : above)));
  return { kind: 'groups', levels: [below, above].filter((l) => present.has(l)), groupOf: (v) => (Number(v) <= m ? below : above), median: m };
}
