// The clinical-data CSV: `patient_id, treatment_start, cycles, death_date, last_alive_date, <covariates...>`.
// Columns may come in any order and any of them but patient_id may be left out (a missing column leaves that field
// as it is); a blank cell removes the value; every further column is a covariate. Every problem names its line and
// column; the store then checks the rules that need the record (death not before baseline) and writes all or nothing.
import { describeCsvParseError, parseCsv } from '../shared/csv';
import { isIsoDate } from '../shared/isoDate';
import { err, ok, type Result } from '../shared/result';
import {
  CLINICAL_COLUMNS, covariateNameProblem, covariateValueFromText, type ClinicalChanges, type ClinicalColumn, type ClinicalImportLine,
  type ClinicalProblem,
} from '../store/clinicalRules';
import type { CovariateValue } from '../tracking/types';

/** Stop listing after this many problems: a wholly wrong file should not print thousands of lines. */
const MAX_PROBLEMS = 50;

const isClinicalColumn = (name: string): name is ClinicalColumn => CLINICAL_COLUMNS.some((c) => c === name);

function dateChange(text: string, column: ClinicalColumn, line: number, problems: ClinicalProblem[]): string | null | undefined {
  if (text === '') return null;
  if (isIsoDate(text)) return text;
  problems.push({ code: 'NOT_A_DATE', line, column, value: text });
  return undefined;
}

function lineChanges(get: (column: string) => string | undefined, covariates: readonly string[], line: number, problems: ClinicalProblem[]): ClinicalChanges {
  const date = (column: ClinicalColumn) => {
    const text = get(column);
    return text === undefined ? undefined : dateChange(text, column, line, problems);
  };
  const cyclesText = get('cycles');
  let treatmentCycles: number | null | undefined;
  if (cyclesText !== undefined) {
    if (cyclesText === '') treatmentCycles = null;
    else if (/^\d{1,6}$/.test(cyclesText)) treatmentCycles = Number(cyclesText);
    else problems.push({ code: 'NOT_A_COUNT', line, column: 'cycles', value: cyclesText });
  }
  const values: Record<string, CovariateValue | null> = {};
  for (const name of covariates) values[name] = covariateValueFromText(get(name) ?? '') ?? null;
  return {
    treatmentDate: date('treatment_start'),
    treatmentCycles,
    deathDate: date('death_date'),
    lastKnownAliveDate: date('last_alive_date'),
    ...(covariates.length > 0 ? { covariates: values } : {}),
  };
}

export function readClinicalCsv(text: string): Result<ClinicalImportLine[], ClinicalProblem[]> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return err([{ code: 'CSV_SYNTAX', line: parsed.error.line, value: describeCsvParseError(parsed.error) }]);
  const [header, ...records] = parsed.records;
  if (header === undefined) return err([{ code: 'EMPTY_FILE', line: 1 }]);
  // Known columns are matched whatever their case; covariate names are kept as written.
  const names = header.fields.map((f) => {
    const trimmed = f.trim();
    return isClinicalColumn(trimmed.toLowerCase()) || trimmed.toLowerCase() === 'patient_id' ? trimmed.toLowerCase() : trimmed;
  });
  const problems: ClinicalProblem[] = [];
  if (!names.includes('patient_id')) problems.push({ code: 'NO_PATIENT_COLUMN', line: header.line, column: 'patient_id' });
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) problems.push({ code: 'DUPLICATE_COLUMN', line: header.line, column: name });
  });
  const covariates = names.filter((n) => n !== 'patient_id' && !isClinicalColumn(n));
  for (const name of covariates) {
    const problem = covariateNameProblem(name);
    if (problem !== undefined) problems.push({ code: problem, line: header.line, column: name, value: name });
  }
  if (problems.length > 0) return err(problems);

  const lines: ClinicalImportLine[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== names.length) {
      problems.push({ code: 'FIELD_COUNT', line: record.line, value: String(record.fields.length), limit: String(names.length) });
      continue;
    }
    const get = (column: string): string | undefined => {
      const i = names.indexOf(column);
      return i < 0 ? undefined : (record.fields[i] ?? '').trim();
    };
    const patientId = get('patient_id') ?? '';
    if (patientId === '') {
      problems.push({ code: 'EMPTY_PATIENT_ID', line: record.line, column: 'patient_id' });
      continue;
    }
    const before = seen.get(patientId);
    if (before !== undefined) problems.push({ code: 'DUPLICATE_PATIENT', line: record.line, column: 'patient_id', value: patientId, limit: String(before) });
    seen.set(patientId, record.line);
    lines.push({ line: record.line, patientId, changes: lineChanges(get, covariates, record.line, problems) });
  }
  return problems.length > 0 ? err(problems.slice(0, MAX_PROBLEMS)) : ok(lines);
}
