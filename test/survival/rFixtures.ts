// R's results (test/survival/fixtures/*.json, written by make-fixtures.R), typed, and the helpers that turn the
// exported data sets into SurvivalRecords and compare numbers to R's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { treatmentCoding } from '../../src/survival/design';
import type { SurvivalRecord } from '../../src/survival/types';

export const FIXTURES = join(__dirname, 'fixtures');
export const FIXTURE_FILES = ['datasets.json', 'kaplan-meier.json', 'log-rank.json', 'cox.json', 'distributions.json'] as const;

const read = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

type Column = (number | string)[];
export interface DatasetsFixture {
  source: string;
  levels: Record<string, Record<string, string[]>>;
  datasets: Record<string, Record<string, Column>>;
}

/** R's NA (and NaN, Inf) arrive as null. */
type R = number | null;

export interface KmCurveFixture {
  group: string | null;
  n: number;
  events: number;
  steps: { time: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[]; survival: number[]; stdErr: R[]; lower: R[]; upper: R[] };
  median: { median: R; lower: R; upper: R };
  at: { time: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[]; survival: number[]; stdErr: R[]; lower: R[]; upper: R[] };
}
export interface KmCaseFixture {
  dataset: string;
  group: string | null;
  confType: 'log' | 'log-log' | 'plain';
  times: number[];
  curves: KmCurveFixture[];
}
export interface LogRankFixture {
  dataset: string;
  group: string;
  groups: string[];
  n: number[];
  observed: number[];
  expected: number[];
  variance: number[][];
  chiSquare: number;
  df: number;
  pValue: number;
}
export interface TestFixture {
  statistic: number;
  df: number;
  pValue: number;
}
export interface CoxFixture {
  dataset: string;
  covariates: string[];
  ties: 'efron' | 'breslow';
  n: number;
  events: number;
  iterations: number;
  converged: boolean;
  warnings: string[];
  coefficients: { name: string; coef: number; hazardRatio: number; se: number; z: number; p: number; lower: R; upper: R }[];
  variance: number[][];
  logLikelihood: { null: number; fitted: number };
  likelihoodRatio: TestFixture;
  wald: TestFixture;
  score: TestFixture;
}
export interface DistributionsFixture {
  chiSquareSurvival: { x: number[]; df: number[]; p: number[] };
  normalQuantile: { p: number[]; q: number[] };
}

export const datasets = read<DatasetsFixture>('datasets.json');
export const kmCases = read<KmCaseFixture[]>('kaplan-meier.json');
export const logRankCases = read<LogRankFixture[]>('log-rank.json');
export const coxCases = read<CoxFixture[]>('cox.json');
export const distributions = read<DistributionsFixture>('distributions.json');

/** The factor levels R used for a column, when it is a factor. */
export const factorLevels = (dataset: string, column: string): string[] | undefined => datasets.levels[dataset]?.[column];

/**
 * A data set as SurvivalRecords: `group` names the grouping column; `covariates` are columns, a factor column
 * entering as R's treatment-contrast indicators. Returns the records and the covariate names R gives them.
 */
export function recordsOf(dataset: string, options: { group?: string | null; covariates?: readonly string[] } = {}): { records: SurvivalRecord[]; covariates: string[] } {
  const columns = datasets.datasets[dataset];
  if (!columns) throw new Error(`no data set ${dataset}`);
  const col = (name: string): Column => {
    const c = columns[name];
    if (!c) throw new Error(`${dataset} has no column ${name}`);
    return c;
  };
  const time = col('time') as number[];
  const event = col('event') as number[];
  const encoders = (options.covariates ?? []).map((name) => {
    const levels = factorLevels(dataset, name);
    if (levels === undefined) return { names: [name], encode: (i: number) => ({ [name]: col(name)[i] as number }) };
    const coding = treatmentCoding(name, levels);
    return { names: [...coding.names], encode: (i: number) => coding.encode(String(col(name)[i])) };
  });
  const group = options.group ?? null;
  const records = time.map((t, i): SurvivalRecord => ({
    time: t,
    event: event[i] === 1,
    ...(group === null ? {} : { group: String(col(group)[i]) }),
    ...(encoders.length === 0 ? {} : { covariates: Object.assign({}, ...encoders.map((e) => e.encode(i))) as Record<string, number> }),
  }));
  return { records, covariates: encoders.flatMap((e) => e.names) };
}

/** Relative difference, with an absolute floor so that values near 0 compare sensibly. */
export function relativeDifference(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}

/** `actual` agrees with R's `expected` to `tolerance` relative; R's NA (null) must be our null. */
export function expectClose(actual: number | null | undefined, expected: number | null, where: string, tolerance = 1e-6): void {
  if (expected === null) {
    expect(actual ?? null, `${where}: R gives NA`).toBeNull();
    return;
  }
  expect(actual, `${where}: R gives ${expected}`).not.toBeNull();
  expect(actual, `${where}: R gives ${expected}`).not.toBeUndefined();
  const difference = relativeDifference(actual as number, expected);
  expect(difference, `${where}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tolerance);
}

export function expectAllClose(actual: readonly (number | null)[], expected: readonly (number | null)[], where: string, tolerance = 1e-6): void {
  expect(actual.length, `${where}: length`).toBe(expected.length);
  expected.forEach((e, i) => expectClose(actual[i], e, `${where}[${i}]`, tolerance));
}
