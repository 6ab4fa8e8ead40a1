// `recist survival`: the CSV through src/survival, as text and JSON; every refusal names the line and column.
import { describe, expect, it } from 'vitest';
import { runRecistCli } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/io';

const ioWith = (files: Record<string, string>): CliIo => ({
  readFile: (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  },
  readBytes: () => {
    throw new Error('not used');
  },
});

/** aml from R's survival package (Miller 1981): maintained vs not maintained chemotherapy. */
const AML = [
  'weeks,relapse,arm,age',
  ...[
    [9, 1, 'Maintained'], [13, 1, 'Maintained'], [13, 0, 'Maintained'], [18, 1, 'Maintained'], [23, 1, 'Maintained'],
    [28, 0, 'Maintained'], [31, 1, 'Maintained'], [34, 1, 'Maintained'], [45, 0, 'Maintained'], [48, 1, 'Maintained'],
    [161, 0, 'Maintained'], [5, 1, 'Nonmaintained'], [5, 1, 'Nonmaintained'], [8, 1, 'Nonmaintained'], [8, 1, 'Nonmaintained'],
    [12, 1, 'Nonmaintained'], [16, 0, 'Nonmaintained'], [23, 1, 'Nonmaintained'], [27, 1, 'Nonmaintained'], [30, 1, 'Nonmaintained'],
    [33, 1, 'Nonmaintained'], [43, 1, 'Nonmaintained'], [45, 1, 'Nonmaintained'],
  ].map(([t, e, arm], i) => `${t},${e},${arm},${50 + ((i * 7) % 23)}`),
].join('\n');

const run = (args: string[], files: Record<string, string> = { 'aml.csv': AML }) => runRecistCli(['survival', ...args], ioWith(files));
const base = ['aml.csv', '--time', 'weeks', '--event', 'relapse'];

describe('recist survival on aml', () => {
  it('prints Kaplan-Meier medians, the log-rank test and the Cox table as R', () => {
    const out = run([...base, '--group', 'arm']);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    // R: print(survfit(Surv(time, status) ~ x, aml)); survdiff(...); coxph(...)
    expect(out.stdout).toMatch(/Maintained\s+11\s+7\s+31\s+18\s+NA/);
    expect(out.stdout).toMatch(/Nonmaintained\s+12\s+11\s+23\s+8\s+NA/);
    expect(out.stdout).toContain('Log-rank test: chi-square = 3.396 on 1 df, p = 0.0653');
    expect(out.stdout).toMatch(/armNonmaintained\s+0\.9155\s+2\.498\s+0\.9159\s+6\.813\s+0\.5119\s+1\.788\s+0\.0737/);
    expect(out.stdout).toContain('Likelihood ratio test = 3.384 on 1 df, p = 0.0658');
  });

  it('writes the same results as JSON', () => {
    const out = run([...base, '--group', 'arm', '--format', 'json', '--ties', 'breslow', '--at', '12,24']);
    const report = JSON.parse(out.stdout) as {
      kaplanMeier: { ok: true; value: { group: string; median: { median: number } }[] };
      logRank: { ok: true; value: { statistic: number; df: number } };
      cox: { ok: true; value: { ties: string; coefficients: { name: string }[] } };
      survivalAt: { group: string; rows: { time: number }[] }[];
    };
    expect(report.kaplanMeier.value.map((c) => [c.group, c.median.median])).toEqual([['Maintained', 31], ['Nonmaintained', 23]]);
    expect(report.logRank.value.df).toBe(1);
    expect(report.cox.value.ties).toBe('breslow');
    expect(report.cox.value.coefficients.map((c) => c.name)).toEqual(['armNonmaintained']);
    expect(report.survivalAt.map((s) => s.rows.map((r) => r.time))).toEqual([[12, 24], [12, 24]]);
  });

  it('fits the covariates asked for, a text column as a factor', () => {
    const out = run([...base, '--covariates', 'arm,age', '--format', 'json']);
    const report = JSON.parse(out.stdout) as { cox: { value: { coefficients: { name: string }[] } }; logRank: null };
    expect(report.cox.value.coefficients.map((c) => c.name)).toEqual(['armNonmaintained', 'age']);
    expect(report.logRank).toBeNull();
  });

  it('without a group draws one curve and fits no model', () => {
    const out = run(base);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/all\s+23\s+18\s+27\s+18\s+45/);
    expect(out.stdout).not.toContain('Cox');
  });
});

describe('recist survival refuses bad input with the line and column', () => {
  const withRow = (row: string) => ({ 'aml.csv': `${AML}\n${row}` });

  it.each([
    ['a missing column', ['aml.csv', '--time', 'week', '--event', 'relapse'], { 'aml.csv': AML }, /no column "week" in the header; it has "weeks", "relapse", "arm", "age"/],
    ['a time that is not a number', base, withRow('ten,1,Maintained,60'), /line 25: column "weeks": "ten" is not a number/],
    ['a negative time', base, withRow('-3,1,Maintained,60'), /line 25: column "weeks": -3 is negative/],
    ['an empty time', base, withRow(',1,Maintained,60'), /line 25: column "weeks": empty/],
    ['an event that is not 0/1', base, withRow('10,2,Maintained,60'), /line 25: column "relapse": "2" is not 0 or 1 \(1 = the event happened, 0 = censored\)/],
    ['an empty covariate', [...base, '--covariates', 'age'], withRow('10,1,Maintained,'), /line 25: column "age": empty/],
    ['a short row', base, withRow('10,1'), /line 25: 2 fields, but the header has 4/],
  ] as const)('%s', (_, args, files, message) => {
    const out = run([...args], files);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it('lists every problem, not only the first', () => {
    const out = run(base, withRow('x,1,A,1\n5,yes,A,1'));
    expect(out.stderr).toMatch(/line 25: .*"x" is not a number\nline 26: .*"yes" is not 0 or 1/);
  });

  it.each([
    [['aml.csv'], /--time and --event/],
    [[...base, '--ties', 'exact'], /--ties "exact" is not efron or breslow/],
    [[...base, '--format', 'csv'], /--format "csv" is not text or json/],
    [[...base, '--at', 'soon'], /--at "soon"/],
    [[...base, '--bogus'], /unknown option --bogus/],
  ])('usage error %j', (args, message) => {
    const out = run(args);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('says when a file cannot be read', () => {
    expect(run(['missing.csv', '--time', 't', '--event', 'e']).stderr).toContain('cannot read missing.csv: no such file');
  });
});

describe('recist survival when an analysis cannot be computed', () => {
  it('prints what it could and says why the rest failed (exit 1)', () => {
    const csv = 'time,event,arm,dose,double\n1,1,A,1,2\n2,0,B,2,4\n3,1,A,3,6\n4,1,B,0,0\n';
    const out = run(['c.csv', '--time', 'time', '--event', 'event', '--group', 'arm', '--covariates', 'dose,double'], { 'c.csv': csv });
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain('Log-rank test');
    expect(out.stderr).toBe('recist survival: Cox model: cannot separate the effect of double from the others (collinear or constant)\n');
  });

  it('reports no events for the log-rank test instead of a NaN', () => {
    const csv = 'time,event,arm\n1,0,A\n2,0,B\n';
    const out = run(['c.csv', '--time', 'time', '--event', 'event', '--group', 'arm'], { 'c.csv': csv });
    expect(out.exitCode).toBe(1);
    expect(out.stdout).not.toMatch(/NaN/);
    expect(out.stderr).toContain('log-rank test: nobody had the event');
  });
});
