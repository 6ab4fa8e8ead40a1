// `recist survival FILE.csv --time COL --event COL [...]`: Kaplan-Meier per group, the log-rank test and a Cox
// model from a table with one row per patient, as text or JSON. Thin over src/survival (checked against R).
import { describeSurvivalError } from '../cohort/survivalMessages';
import { coxPh, type CoxModel } from '../survival/coxPh';
import { treatmentCoding } from '../survival/design';
import { kaplanMeier, kaplanMeierByGroup, type KaplanMeierCurve } from '../survival/kaplanMeier';
import { logRank, type LogRankTest } from '../survival/logRank';
import { readSurvivalCsv, type SurvivalTable } from '../survival/readSurvivalCsv';
import { sortGroupLabels } from '../survival/records';
import { survivalAt } from '../survival/survivalAt';
import type { ConfidenceType, SurvivalError, SurvivalRecord, Ties } from '../survival/types';
import { parseArgs } from './args';
import { readTextFile, type CliIo, type CliOutput } from './io';

const USAGE =
  'Usage: recist survival FILE.csv --time COL --event COL [--group COL] [--covariates a,b] [--ties efron|breslow]\n' +
  '                        [--conf-type log|log-log|plain] [--at T1,T2] [--format text|json]\n';

const usage = (message: string): CliOutput => ({ stdout: '', stderr: `recist survival: ${message}\n${USAGE}`, exitCode: 2 });

type Outcome<T> = { ok: true; value: T } | { ok: false; error: SurvivalError; message: string };

interface Report {
  readonly file: string;
  readonly columns: { time: string; event: string; group: string | null; covariates: readonly string[] };
  readonly kaplanMeier: Outcome<KaplanMeierCurve[]>;
  readonly survivalAt: { group: string | null; rows: ReturnType<typeof survivalAt> }[];
  readonly logRank: Outcome<LogRankTest> | null;
  readonly cox: Outcome<CoxModel> | null;
}

export function survivalCommand(args: string[], io: CliIo): CliOutput {
  const parsed = parseArgs(args, { flags: [], valued: ['--time', '--event', '--group', '--covariates', '--ties', '--conf-type', '--at', '--format'] });
  if (!parsed.ok) return usage(parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined) return usage('give the CSV file (one row per patient)');
  if (extra.length > 0) return usage(`one file at a time (also got ${extra.join(' ')})`);
  const time = parsed.values.get('--time');
  const event = parsed.values.get('--event');
  if (time === undefined || event === undefined) return usage('--time and --event name the columns of follow-up time and event (1) / censored (0)');
  const group = parsed.values.get('--group');
  const covariateList = parsed.values.get('--covariates');
  const covariates = covariateList?.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (covariates !== undefined && covariates.length === 0) return usage('--covariates needs column names, separated by commas');
  const ties = parsed.values.get('--ties') ?? 'efron';
  if (ties !== 'efron' && ties !== 'breslow') return usage(`--ties "${ties}" is not efron or breslow`);
  const confType = parsed.values.get('--conf-type') ?? 'log';
  if (confType !== 'log' && confType !== 'log-log' && confType !== 'plain') return usage(`--conf-type "${confType}" is not log, log-log or plain`);
  const atText = parsed.values.get('--at');
  const at = atText?.split(',').map((t) => t.trim());
  if (at?.some((t) => !/^\d+(\.\d+)?$/.test(t))) return usage(`--at "${atText}" is not a list of times such as 182,365`);
  const format = parsed.values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`--format "${format}" is not text or json`);

  const text = readTextFile(io, 'survival', file);
  if (typeof text !== 'string') return text;
  const input = readSurvivalCsv(text, { time, event, ...(group === undefined ? {} : { group }), ...(covariates === undefined ? {} : { covariates }) });
  if (!input.ok) {
    const lines = input.problems.map((p) => `line ${p.line}: ${p.message}`);
    return { stdout: '', stderr: `recist survival: ${file} was not analysed; fix these and run again:\n${lines.join('\n')}\n`, exitCode: 2 };
  }
  const report = analyse(file, input.table, { time, event, group, covariates, ties, confType, at: at?.map(Number) ?? [] });
  const failures = [report.kaplanMeier, report.logRank, report.cox].flatMap((o) => (o && !o.ok ? [o.message] : []));
  const stderr = failures.map((m) => `recist survival: ${m}\n`).join('');
  const stdout = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, ties);
  return { stdout, stderr, exitCode: failures.length > 0 ? 1 : 0 };
}

interface Settings {
  time: string;
  event: string;
  group: string | undefined;
  covariates: string[] | undefined;
  ties: Ties;
  confType: ConfidenceType;
  at: number[];
}

function analyse(file: string, table: SurvivalTable, s: Settings): Report {
  const describe = (error: SurvivalError) => describeSurvivalError(error, table.lines);
  const outcome = <T>(r: { ok: true; value: T } | { ok: false; error: SurvivalError }, what: string): Outcome<T> =>
    r.ok ? r : { ok: false, error: r.error, message: `${what}: ${describe(r.error)}` };
  const options = { confidenceType: s.confType };
  const km = outcome(s.group === undefined ? mapOk(kaplanMeier(table.records, options), (c) => [c]) : kaplanMeierByGroup(table.records, options), 'Kaplan-Meier');
  // Without --covariates, the Cox model compares the groups: the group as a factor, the first group the reference.
  const cox = coxInput(table, s);
  return {
    file,
    columns: { time: s.time, event: s.event, group: s.group ?? null, covariates: cox?.covariates ?? [] },
    kaplanMeier: km,
    survivalAt: km.ok && s.at.length > 0 ? km.value.map((c) => ({ group: c.group, rows: survivalAt(c, s.at) })) : [],
    logRank: s.group === undefined ? null : outcome(logRank(table.records), 'log-rank test'),
    cox: cox === null ? null : outcome(coxPh(cox.records, { covariates: cox.covariates, ties: s.ties }), 'Cox model'),
  };
}

function coxInput(table: SurvivalTable, s: Settings): { records: SurvivalRecord[]; covariates: readonly string[] } | null {
  if (s.covariates !== undefined) return { records: table.records, covariates: table.covariates };
  if (s.group === undefined) return null;
  const coding = treatmentCoding(s.group, sortGroupLabels(table.records.map((r) => r.group as string)));
  if (coding.names.length === 0) return null;
  return { records: table.records.map((r) => ({ ...r, covariates: coding.encode(r.group as string) })), covariates: coding.names };
}

function mapOk<T, U, E>(r: { ok: true; value: T } | { ok: false; error: E }, f: (t: T) => U): { ok: true; value: U } | { ok: false; error: E } {
  return r.ok ? { ok: true, value: f(r.value) } : r;
}

// ---- text output ------------------------------------------------------------------------------------------------

/** At most `digits` significant digits, no trailing zeros: 0.7015, 182, 1.234e-05. */
function num(x: number | null, digits = 4): string {
  if (x === null) return 'NA';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(digits)));
  return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/** p-values as R's format.pval: below machine precision they read "< 2e-16". */
const pValue = (p: number) => (p < 2.220446e-16 ? '< 2e-16' : num(p, 3));

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j] ?? 0) : c.padStart(widths[j] ?? 0))).join('  ').trimEnd()).join('\n');
}

function formatReport(report: Report, ties: Ties): string {
  const out: string[] = [];
  const c = report.columns;
  out.push(`Survival of ${report.file}: time = ${c.time}, event = ${c.event}${c.group ? `, group = ${c.group}` : ''}`);
  if (report.kaplanMeier.ok) {
    const curves = report.kaplanMeier.value;
    const level = Math.round((curves[0]?.confidenceLevel ?? 0.95) * 100);
    out.push('', `Kaplan-Meier (median survival, ${level} % CI with ${curves[0]?.confidenceType ?? 'log'} transform; NA = not reached)`);
    out.push(
      table([
        ['group', 'n', 'events', 'median', `${level}% LCL`, `${level}% UCL`],
        ...curves.map((k) => [k.group ?? 'all', String(k.n), String(k.events), num(k.median.median), num(k.median.lower), num(k.median.upper)]),
      ]),
    );
  }
  for (const { group, rows } of report.survivalAt) {
    out.push('', `Survival at chosen times${group === null ? '' : `: ${group}`}`);
    out.push(table([['time', 'at risk', 'events', 'survival', 'std.err', 'lower', 'upper'], ...rows.map((r) => [num(r.time), String(r.atRisk), String(r.events), num(r.survival), num(r.stdErr), num(r.lower), num(r.upper)])]));
  }
  if (report.logRank?.ok) {
    const t = report.logRank.value;
    out.push('', `Log-rank test: chi-square = ${num(t.statistic)} on ${t.df} df, p = ${pValue(t.pValue)}`);
    out.push(table([['group', 'n', 'observed', 'expected'], ...t.groups.map((g) => [g.group, String(g.n), String(g.observed), num(g.expected)])]));
  }
  if (report.cox?.ok) {
    const m = report.cox.value;
    const level = Math.round(m.confidenceLevel * 100);
    out.push('', `Cox proportional hazards (${ties} ties): n = ${m.n}, events = ${m.events}`);
    out.push(
      table([
        ['covariate', 'coef', 'HR', `${level}% lower`, `${level}% upper`, 'se(coef)', 'z', 'p'],
        ...m.coefficients.map((k) => [k.name, num(k.coef), num(k.hazardRatio), num(k.lower), num(k.upper), num(k.se), num(k.z), pValue(k.p)]),
      ]),
    );
    const line = (name: string, t: CoxModel['wald']) => `${name} = ${num(t.statistic)} on ${t.df} df, p = ${pValue(t.pValue)}`;
    out.push(line('Likelihood ratio test', m.likelihoodRatio), line('Wald test', m.wald), line('Score (log-rank) test', m.score));
  }
  return `${out.join('\n')}\n`;
}
