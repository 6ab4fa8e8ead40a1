// Small predicates for checking rows that come back from IndexedDB. Stored data outlives the code that wrote it
// (older versions, another tab on a newer build, a hand-edited database), so nothing read is trusted by type alone.
import { isIsoDate } from '../shared/isoDate';

export type Check = (value: unknown) => boolean;
/** One check for every field of T, optional ones included: a field added to T does not compile until checked. */
export type Shape<T> = { readonly [K in keyof Required<T>]: Check };

type Json = Record<string, unknown>;
export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString: Check = (v) => typeof v === 'string';
export const isNonEmptyString: Check = (v) => typeof v === 'string' && v !== '';
export const isBoolean: Check = (v) => typeof v === 'boolean';
export const isFiniteNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
export const isPositiveNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v > 0;
export const isPositiveInteger: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
export const isIsoDateText: Check = (v) => typeof v === 'string' && isIsoDate(v);
export const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
export const optional = (check: Check): Check => (v) => v === undefined || check(v);

/** The first field of `value` that fails its check, as a short phrase for the problem report; undefined when none. */
export function shapeMismatch<T>(value: unknown, shape: Shape<T>): string | undefined {
  if (!isRecord(value)) return 'not an object';
  for (const [field, check] of Object.entries<Check>(shape)) {
    if (!check(value[field])) return `field ${field} is ${JSON.stringify(value[field]) ?? 'undefined'}`;
  }
  return undefined;
}

export const hasShape = <T>(shape: Shape<T>): Check => (v) => shapeMismatch(v, shape) === undefined;
