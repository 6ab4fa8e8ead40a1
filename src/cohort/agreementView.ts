// The cohort screen's reader agreement: a double read's measurements, the two readers, the progression-date window
// and the confirmation option in; the tables of `recist agreement` out, as text for the screen, with the same
// report's text and JSON for download. Every figure comes from src/agreement (doubleReadAgreement).
import type { AgreementReport } from '../agreement/agreementReport';
import { agreementJson, agreementText, formatKappa, formatPercent } from '../agreement/agreementText';
import type { KappaResult } from '../agreement/cohenKappa';
import { doubleReadAgreement } from '../agreement/doubleReadAgreement';
import type { PatientRecord } from '../recist/types';
import { assertNever } from '../shared/assertNever';
import { err, ok, type Result } from '../shared/result';
import { describeMeasurementProblems, describeReaderProblem } from './agreementMessages';
import type { Words } from './cohortMessages';
import type { Select } from './cohortView';

/** A measurement CSV as read (src/export/readMeasurementCsv's result): the patients' records, or its problems. */
export type MeasurementRead =
  | { readonly ok: true; readonly patients: readonly PatientRecord[] }
  | { readonly ok: false; readonly problems: readonly { readonly line: number; readonly message: string }[] };

export interface AgreementChoice {
  /** The two readers compared; null: the first two of the file, in name order. */
  readonly readers: readonly [string, string] | null;
  /** Progression dates at most this many days apart agree. */
  readonly progressionDays: number;
  readonly confirm: boolean;
}

export const DEFAULT_AGREEMENT_CHOICE: AgreementChoice = { readers: null, progressionDays: 0, confirm: false };

/** The largest window `recist agreement --days` takes (four digits). */
export const MAX_PROGRESSION_DAYS = 9999;

export type AgreementChange =
  | { readonly control: 'reader'; readonly which: 0 | 1; readonly value: string }
  | { readonly control: 'days'; readonly text: string }
  | { readonly control: 'confirm'; readonly value: boolean };

/**
 * The choice after a change. `shown` are the readers on screen (the default pair when none was chosen); picking as
 * one reader the other one swaps them, so the two always differ. Days that are not a whole number up to
 * MAX_PROGRESSION_DAYS leave the window as it was; an emptied field is 0.
 */
export function applyAgreementChange(choice: AgreementChoice, change: AgreementChange, shown: readonly [string, string]): AgreementChoice {
  switch (change.control) {
    case 'reader': {
      const current = choice.readers ?? shown;
      const other = current[change.which === 0 ? 1 : 0];
      const kept = change.value === other ? current[change.which] : other;
      return { ...choice, readers: change.which === 0 ? [change.value, kept] : [kept, change.value] };
    }
    case 'days': {
      const text = change.text.trim();
      if (text === '') return { ...choice, progressionDays: 0 };
      return /^\d{1,4}$/.test(text) ? { ...choice, progressionDays: Number(text) } : choice;
    }
    case 'confirm':
      return { ...choice, confirm: change.value };
    default:
      return assertNever(change, 'agreement change');
  }
}

/** One line of a kappa table: the labels compared, their number, the share agreeing, kappa and its 95 % CI. */
export interface KappaRow {
  readonly what: string;
  readonly n: number;
  readonly agreement: string;
  readonly kappa: string;
  readonly ci: string;
}

export interface DiscordantRow {
  readonly patientId: string;
  /** The first follow-up whose responses differ ("3-month follow-up, 2023-04-17"), or why none does. */
  readonly firstAt: string;
  /** Each reader's overall response there ("" when every follow-up agrees). */
  readonly first: string;
  readonly second: string;
  readonly bestResponse: readonly [string, string];
  readonly progression: readonly [string, string];
}

export interface AgreementView {
  readonly readerSelects: readonly [Select<string>, Select<string>];
  readonly readers: readonly [string, string];
  readonly progressionDays: number;
  readonly confirm: boolean;
  /** "Readers A and B: 24 patients read by both". */
  readonly summary: string;
  /** Overall response per time point label, all follow-ups together, then best overall response. */
  readonly responses: readonly KappaRow[];
  readonly progression: KappaRow;
  /** How many both call progressed, on the same scan, and within the window. */
  readonly progressionDate: string;
  readonly discordantSummary: string;
  readonly discordant: readonly DiscordantRow[];
  /** Patients only one of the two read (not compared), or null. */
  readonly readByOneOnly: string | null;
  readonly report: AgreementReport;
  /** The downloads: `recist agreement`'s text and JSON for the same file and options, and a file name stem. */
  readonly text: string;
  readonly json: string;
  readonly fileStem: string;
}

function kappaRow(what: string, k: KappaResult): KappaRow {
  return {
    what,
    n: k.n,
    agreement: k.n === 0 ? '–' : formatPercent(k.observedAgreement),
    kappa: formatKappa(k.kappa),
    ci: k.kappa === null ? (k.n === 0 ? 'nothing to compare' : 'undefined: one label only') : `${formatKappa(k.lower)} to ${formatKappa(k.upper)}`,
  };
}

const fileNamePart = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_');

export function agreementView(read: MeasurementRead, file: string, choice: AgreementChoice): Result<AgreementView, Words> {
  if (!read.ok) return err(describeMeasurementProblems(file, read.problems));
  const result = doubleReadAgreement(read.patients, {
    readers: choice.readers ?? undefined,
    moreThanTwo: 'first two',
    progressionDays: choice.progressionDays,
    confirm: choice.confirm,
  });
  if (!result.ok) return err(describeReaderProblem(file, result.error));
  const { report, readersInFile } = result.value;
  const [a, b] = report.readers as [string, string];
  const options = readersInFile.map((r) => ({ value: r, label: r }));
  const days = choice.progressionDays;
  const d = report.progressionDate;
  return ok({
    readerSelects: [{ value: a, options }, { value: b, options }],
    readers: [a, b],
    progressionDays: days,
    confirm: choice.confirm,
    summary: `Readers ${a} and ${b}: ${report.patients} patient${report.patients === 1 ? '' : 's'} read by both`,
    responses: [
      ...report.timepointResponseByLabel.map((l) => kappaRow(l.label, l.agreement)),
      kappaRow('All follow-ups', report.timepointResponse),
      kappaRow('Best overall response', report.bestOverallResponse),
    ],
    progression: kappaRow('Progression (yes/no)', report.progression),
    progressionDate:
      `Both readers call progression in ${d.bothProgressed} patient${d.bothProgressed === 1 ? '' : 's'}: on the same scan in ${d.sameDate}` +
      (days > 0 ? `, within ${days} day${days === 1 ? '' : 's'} in ${d.withinDays}` : '') + '.',
    discordantSummary: `${report.discordant.length} of ${report.patients} patient${report.patients === 1 ? '' : 's'} discordant`,
    discordant: report.discordant.map((c) => ({
      patientId: c.patientId,
      firstAt: c.firstDiscordant ? `${c.firstDiscordant.label}, ${c.firstDiscordant.scanDate}` : 'none: every follow-up agrees',
      first: c.firstDiscordant ? (c.firstDiscordant.first ?? 'not read') : '',
      second: c.firstDiscordant ? (c.firstDiscordant.second ?? 'not read') : '',
      bestResponse: [c.bestResponse.first, c.bestResponse.second],
      progression: [c.progression.first ?? 'none', c.progression.second ?? 'none'],
    })),
    readByOneOnly: report.readByOneOnly.length > 0 ? `Read by one reader only (not compared): ${report.readByOneOnly.join(', ')}` : null,
    report,
    text: agreementText(report, days),
    json: agreementJson(report),
    fileStem: `agreement-${fileNamePart(a)}-vs-${fileNamePart(b)}`,
  });
}
