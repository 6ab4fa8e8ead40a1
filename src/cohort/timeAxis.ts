// Ticks of the time axis, in days or months: a round step that gives at most MAX_INTERVALS intervals up to the
// last follow-up time, the axis ending on a tick. The same ticks are the times of the numbers-at-risk table.
import { DAYS_PER_MONTH, type TimeUnit } from './cohortChoice';

export interface TimeTick {
  /** Position on the axis, always in days (the data's unit). */
  readonly days: number;
  /** The label in the chosen unit. */
  readonly label: string;
}

export interface TimeAxis {
  readonly unit: TimeUnit;
  readonly ticks: readonly TimeTick[];
  /** The axis' end, in days. */
  readonly maxDays: number;
}

const MAX_INTERVALS = 10;
// Weeks to years in days; months in months (3 = a quarter, as trial reports tick them).
const DAY_STEPS = [7, 14, 30, 60, 90, 180, 365, 730, 1461];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 48];

export function timeAxis(lastDays: number, unit: TimeUnit): TimeAxis {
  const perUnit = unit === 'months' ? DAYS_PER_MONTH : 1;
  const last = Math.max(lastDays, 1) / perUnit;
  const steps = unit === 'months' ? MONTH_STEPS : DAY_STEPS;
  const step = steps.find((s) => Math.ceil(last / s) <= MAX_INTERVALS) ?? Math.ceil(last / MAX_INTERVALS);
  const count = Math.max(1, Math.ceil(last / step));
  const ticks = Array.from({ length: count + 1 }, (_, i) => ({ days: i * step * perUnit, label: String(i * step) }));
  return { unit, ticks, maxDays: count * step * perUnit };
}
