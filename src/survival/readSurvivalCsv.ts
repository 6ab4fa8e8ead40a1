// A CSV with one row per patient -> SurvivalRecords, for `recist survival` and any import of a cohort table.
// Bad input is refused as a whole: every problem names its line and column. A covariate column whose cells are
// all numbers is numeric; any other is a factor, coded as R codes a character column (treatment contrasts, first
// level in sortGroupLabels order as the reference).
import { describeCsvParseError, parseCsv } from '../shared/csv';
import { treatmentCoding } from './design';
import { sortGroupLabels } from './records';
import type { SurvivalRecord } from './types';

export interface SurvivalColumns {
  readonly time: string;
  readonly event: string;
  readonly group?: string;
  readonly covariates?: readonly string[];
}

export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export interface FactorCoding {
  readonly column: string;
  readonly levels: readonly string[];
  /** The indicator names, in the Cox table's order. */
  readonly names: readonly string[];
}

export interface SurvivalTable {
  readonly records: SurvivalRecord[];
  /** The CSV line of each record, to name the line in later messages. */
  readonly lines: readonly number[];
  /** Cox covariate names: numeric columns as they are, factors as column + level. */
  readonly covariates: readonly string[];
  readonly factors: readonly FactorCoding[];
}

export type SurvivalCsvResult = { ok: true; table: SurvivalTable } | { ok: false; problems: CsvProblem[] };

const MAX_PROBLEMS = 50;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const quoted = (s: string) => JSON.stringify(s);

export function readSurvivalCsv(text: string, columns: SurvivalColumns): SurvivalCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return { ok: false, problems: [{ line: parsed.error.line, message: describeCsvParseError(parsed.error) }] };
  }
  const [header, ...rows] = parsed.records;
  if (header === undefined) return { ok: false, problems: [{ line: 1, message: 'the file is empty' }] };
  const names = header.fields.map((f) => f.trim());
  const wanted = [columns.time, columns.event, ...(columns.group === undefined ? [] : [columns.group]), ...(columns.covariates ?? [])];
  const absent = [...new Set(wanted)].filter((c) => !names.includes(c));
  if (absent.length > 0) {
    const list = absent.map(quoted).join(', ');
    return { ok: false, problems: [{ line: header.line, message: `no column ${list} in the header; it has ${names.map(quoted).join(', ')}` }] };
  }
  if (rows.length === 0) return { ok: false, problems: [{ line: header.line, message: 'the file has a header but no rows' }] };

  const problems: CsvProblem[] = [];
  const cell = (fields: readonly string[], column: string) => (fields[names.indexOf(column)] ?? '').trim();
  const good = rows.filter((row) => {
    if (row.fields.length === names.length) return true;
    problems.push({ line: row.line, message: `${row.fields.length} fields, but the header has ${names.length}` });
    return false;
  });
  const problem = (line: number, column: string, message: string) => problems.push({ line, message: `column ${quoted(column)}: ${message}` });
  const factors = (columns.covariates ?? []).filter((c) => good.some((row) => !NUMBER.test(cell(row.fields, c)) && cell(row.fields, c) !== ''));
  const codings = new Map(factors.map((c) => [c, treatmentCoding(c, sortGroupLabels(good.map((row) => cell(row.fields, c)).filter((v) => v !== '')))]));
  for (const [column, coding] of codings) {
    if (coding.levels.length < 2) problems.push({ line: header.line, message: `column ${quoted(column)}: every row has ${quoted(coding.reference)}; a covariate must vary` });
  }

  const records: SurvivalRecord[] = [];
  for (const row of good) {
    const timeText = cell(row.fields, columns.time);
    const time = Number(timeText);
    if (timeText === '') problem(row.line, columns.time, 'empty; every row needs a follow-up time');
    else if (!NUMBER.test(timeText)) problem(row.line, columns.time, `${quoted(timeText)} is not a number`);
    else if (time < 0) problem(row.line, columns.time, `${timeText} is negative; a follow-up time is >= 0`);
    const eventText = cell(row.fields, columns.event);
    if (eventText !== '0' && eventText !== '1') {
      problem(row.line, columns.event, `${quoted(eventText)} is not 0 or 1 (1 = the event happened, 0 = censored)`);
    }
    const group = columns.group === undefined ? undefined : cell(row.fields, columns.group);
    if (group === '' && columns.group !== undefined) problem(row.line, columns.group, 'empty; every row needs a group');
    const covariates: Record<string, number> = {};
    for (const c of columns.covariates ?? []) {
      const v = cell(row.fields, c);
      const coding = codings.get(c);
      if (v === '') problem(row.line, c, 'empty; the Cox model needs every covariate of every row (remove the row or fill it in)');
      else if (coding) Object.assign(covariates, coding.encode(v));
      else covariates[c] = Number(v);
    }
    records.push({
      time,
      event: eventText === '1',
      ...(group === undefined ? {} : { group }),
      ...(columns.covariates === undefined ? {} : { covariates }),
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line).slice(0, MAX_PROBLEMS) };
  const covariateNames = (columns.covariates ?? []).flatMap((c) => codings.get(c)?.names ?? [c]);
  return {
    ok: true,
    table: {
      records,
      lines: good.map((row) => row.line),
      covariates: covariateNames,
      factors: [...codings].map(([column, coding]) => ({ column, levels: coding.levels, names: coding.names })),
    },
  };
}
