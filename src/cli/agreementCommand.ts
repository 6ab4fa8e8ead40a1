// `recist agreement FILE.csv`: two readers' double read of a cohort (a measurement CSV with a `reader` column),
// their agreement on the responses, and the patients an adjudicator must see (issue 20).
import { type AgreementReport, agreementReport } from '../agreement/agreementReport';
import type { KappaResult } from '../agreement/cohenKappa';
import { readMeasurementCsv } from '../export/readMeasurementCsv';
import { assessPatients } from '../recist/assess';
import { DEFAULT_ASSESS_OPTIONS } from '../recist/types';
import { parseArgs } from './args';
import { type CliIo, type CliOutput, readTextFile } from './io';

const usage = (message: string): CliOutput => ({
  stdout: '',
  stderr: `recist agreement: ${message}\nUsage: recist agreement FILE.csv [--readers A,B] [--days N] [--confirm] [--format text|json]\n`,
  exitCode: 2,
});

export function agreementCommand(args: string[], io: CliIo): CliOutput {
  const parsed = parseArgs(args, { flags: ['--confirm'], valued: ['--readers', '--days', '--format'] });
  if (!parsed.ok) return usage(parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined) return usage('give the measurement CSV file of the double read (with a reader column)');
  if (extra.length > 0) return usage(`one file at a time (also got ${extra.join(' ')})`);
  const format = parsed.values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`--format "${format}" is not text or json`);
  const daysText = parsed.values.get('--days') ?? '0';
  if (!/^\d{1,4}$/.test(daysText)) return usage(`--days "${daysText}" is not a whole number of days`);

  const text = readTextFile(io, 'agreement', file);
  if (typeof text !== 'string') return text;
  const input = readMeasurementCsv(text);
  if (!input.ok) {
    return { stdout: '', stderr: `recist agreement: ${file} was not read; fix these and run again:\n${input.problems.map((p) => `line ${p.line}: ${p.message}`).join('\n')}\n`, exitCode: 2 };
  }
  const readersInFile = [...new Set(input.patients.map((p) => p.reader).filter((r): r is string => r !== undefined))].sort();
  if (input.patients.some((p) => p.reader === undefined)) {
    return { stdout: '', stderr: `recist agreement: ${file} has rows without a reader; a double read names the reader of every row (column reader)\n`, exitCode: 2 };
  }
  const asked = parsed.values.get('--readers')?.split(',').map((r) => r.trim());
  let readers: [string, string];
  if (asked !== undefined) {
    if (asked.length !== 2 || asked[0] === asked[1]) return usage('--readers takes two different names, e.g. --readers A,B');
    const missing = asked.filter((r) => !readersInFile.includes(r));
    if (missing.length > 0) return usage(`no rows of reader ${missing.join(', ')} (readers in the file: ${readersInFile.join(', ')})`);
    readers = [asked[0] as string, asked[1] as string];
  } else if (readersInFile.length !== 2) {
    return usage(`the file has ${readersInFile.length} reader${readersInFile.length === 1 ? '' : 's'} (${readersInFile.join(', ')}); agreement is between two: name them with --readers A,B`);
  } else readers = [readersInFile[0] as string, readersInFile[1] as string];

  const assessments = assessPatients(input.patients, { ...DEFAULT_ASSESS_OPTIONS, confirm: parsed.flags.has('--confirm') });
  const report = agreementReport(assessments, readers, { progressionDays: Number(daysText) });
  if (format === 'json') return { stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '', exitCode: 0 };
  return { stdout: agreementText(report, Number(daysText)), stderr: '', exitCode: 0 };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

function kappaLine(name: string, k: KappaResult): string {
  const ci = k.kappa === null ? 'undefined: one label only' : `95 % CI ${num(k.lower)} to ${num(k.upper)}, SE ${num(k.standardError)}`;
  return `${name}: n ${k.n}, agreement ${pct(k.observedAgreement)}, Cohen's kappa ${num(k.kappa)} (${ci})`;
}

function agreementText(r: AgreementReport, days: number): string {
  const lines = [
    `Readers ${r.readers[0]} and ${r.readers[1]}: ${r.patients} patient${r.patients === 1 ? '' : 's'} read by both`,
    kappaLine('Overall response per follow-up', r.timepointResponse),
    kappaLine('Best overall response', r.bestOverallResponse),
    kappaLine('Progression (yes/no)', r.progression),
    `Progression date: both readers call progression in ${r.progressionDate.bothProgressed}; same scan in ${r.progressionDate.sameDate}` +
      (days > 0 ? `, within ${days} days in ${r.progressionDate.withinDays}` : ''),
    `Discordant patients: ${r.discordant.length} of ${r.patients}`,
    ...r.discordant.map((c) => {
      const where = c.firstDiscordant
        ? `first at ${c.firstDiscordant.label} (${c.firstDiscordant.scanDate}): ${c.firstDiscordant.first ?? 'not read'} vs ${c.firstDiscordant.second ?? 'not read'}`
        : 'every follow-up agrees';
      return `  ${c.patientId}: ${where}; BOR ${c.bestResponse.first} vs ${c.bestResponse.second}; progression ${c.progression.first ?? 'none'} vs ${c.progression.second ?? 'none'}`;
    }),
    ...(r.readByOneOnly.length > 0 ? [`Read by one reader only (not compared): ${r.readByOneOnly.join(', ')}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
