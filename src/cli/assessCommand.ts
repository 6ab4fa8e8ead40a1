// `recist assess FILE.csv [...]`: the measurement CSV through the RECIST engine, as CSV or JSON.
import { describeCsvProblem, readAssignedCsv, withAssigned } from '../export/assignedResponses';
import { readMeasurementCsv } from '../export/readMeasurementCsv';
import { adjudicatedPatients, readAdjudicationCsv } from '../agreement/adjudication';
import { ADJUDICATED_PATIENT_COLUMNS, PATIENT_COLUMNS, TIMEPOINT_COLUMNS, adjudicatedPatientRows, cellText, patientRows, timepointRows, withReaderColumn } from '../export/responseTables';
import type { Cell } from '../export/responseTables';
import { assessPatients } from '../recist/assess';
import { type AssessOptions, DEFAULT_ASSESS_OPTIONS, type PrPolicy } from '../recist/types';
import { writeCsv } from '../shared/csv';
import { parseArgs } from './args';
import { readTextFile, type CliIo, type CliOutput } from './io';

const usage = (message: string): CliOutput => ({
  stdout: '',
  stderr: `recist assess: ${message}\nUsage: recist assess FILE.csv [--assigned ASSIGNED.csv] [--per-patient] [--confirm] [--confirm-days 28] [--sd-min-days 42] [--pr-policy continuing|per-timepoint] [--adjudication FILE.csv] [--format csv|json]\n`,
  exitCode: 2,
});

function wholeDays(name: string, text: string | undefined, fallback: number): number | string {
  if (text === undefined) return fallback;
  return /^\d{1,4}$/.test(text) ? Number(text) : `${name} "${text}" is not a whole number of days`;
}

export function assessCommand(args: string[], io: CliIo): CliOutput {
  const parsed = parseArgs(args, {
    flags: ['--per-patient', '--confirm'],
    valued: ['--confirm-days', '--sd-min-days', '--pr-policy', '--format', '--assigned', '--adjudication'],
  });
  if (!parsed.ok) return usage(parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined) return usage('give the measurement CSV file');
  if (extra.length > 0) return usage(`one file at a time (also got ${extra.join(' ')})`);

  const confirmDays = wholeDays('--confirm-days', parsed.values.get('--confirm-days'), DEFAULT_ASSESS_OPTIONS.confirmDays);
  const sdMinDays = wholeDays('--sd-min-days', parsed.values.get('--sd-min-days'), DEFAULT_ASSESS_OPTIONS.sdMinDays);
  if (typeof confirmDays === 'string') return usage(confirmDays);
  if (typeof sdMinDays === 'string') return usage(sdMinDays);
  const prPolicy = parsed.values.get('--pr-policy') ?? DEFAULT_ASSESS_OPTIONS.prPolicy;
  if (prPolicy !== 'continuing' && prPolicy !== 'per-timepoint') return usage(`--pr-policy "${prPolicy}" is not continuing or per-timepoint`);
  const format = parsed.values.get('--format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') return usage(`--format "${format}" is not csv or json`);
  const options: AssessOptions = { confirm: parsed.flags.has('--confirm'), confirmDays, sdMinDays, prPolicy: prPolicy satisfies PrPolicy };

  const text = readTextFile(io, 'assess', file);
  if (typeof text !== 'string') return text;
  const input = readMeasurementCsv(text);
  if (!input.ok) {
    const lines = input.problems.map((p) => `line ${p.line}: ${p.message}`);
    return {
      stdout: '',
      stderr: `recist assess: ${file} was not assessed; fix these and run again:\n${lines.join('\n')}\n`,
      exitCode: 2,
    };
  }
  let patients = input.patients;
  const assignedFile = parsed.values.get('--assigned');
  if (assignedFile !== undefined) {
    const assignedText = readTextFile(io, 'assess', assignedFile);
    if (typeof assignedText !== 'string') return assignedText;
    const assigned = readAssignedCsv(assignedText);
    const merged = assigned.ok ? withAssigned(patients, assigned.lines) : assigned;
    if (!merged.ok) {
      return { stdout: '', stderr: `recist assess: ${assignedFile} was not used; fix these and run again:\n${merged.problems.map(describeCsvProblem).join('\n')}\n`, exitCode: 2 };
    }
    patients = merged.patients;
  }
  const assessments = assessPatients(patients, options);
  const perPatient = parsed.flags.has('--per-patient');
  let columns = withReaderColumn(perPatient ? PATIENT_COLUMNS : TIMEPOINT_COLUMNS, assessments);
  let rows: Record<string, Cell>[] = perPatient ? patientRows(assessments) : timepointRows(assessments);
  const adjudicationFile = parsed.values.get('--adjudication');
  if (adjudicationFile !== undefined) {
    if (!perPatient) return usage('--adjudication gives the per-patient endpoint: use it with --per-patient');
    if (!assessments.some((a) => a.reader !== undefined)) return usage(`--adjudication needs a double read: ${file} has no reader column`);
    const adjudicationText = readTextFile(io, 'assess', adjudicationFile);
    if (typeof adjudicationText !== 'string') return adjudicationText;
    const adjudicated = readAdjudicationCsv(adjudicationText, assessments);
    if (!adjudicated.ok) {
      return { stdout: '', stderr: `recist assess: ${adjudicationFile} was not used; fix these and run again:\n${adjudicated.problems.map((p) => `line ${p.line}: ${p.message}`).join('\n')}\n`, exitCode: 2 };
    }
    columns = ADJUDICATED_PATIENT_COLUMNS;
    rows = adjudicatedPatientRows(adjudicatedPatients(assessments, adjudicated.adjudications));
  }
  if (format === 'json') return { stdout: `${JSON.stringify(rows, null, 2)}\n`, stderr: '', exitCode: 0 };
  const cells = rows.map((r) => columns.map((c) => cellText(c, r[c] ?? null)));
  return { stdout: writeCsv(columns, cells), stderr: '', exitCode: 0 };
}
