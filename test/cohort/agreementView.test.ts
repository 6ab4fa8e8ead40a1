// The cohort screen's reader agreement gives the figures of `recist agreement` for the same file and options: the
// same report, text and JSON, and tables that print its numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyAgreementChange, agreementView, DEFAULT_AGREEMENT_CHOICE, type AgreementChoice, type AgreementView } from '../../src/cohort/agreementView';
import { runRecistCli } from '../../src/cli/run';
import { readMeasurementCsv } from '../../src/export/readMeasurementCsv';

const DEMO = readFileSync(new URL('../../sample-dicom/demo-two-readers.csv', import.meta.url), 'utf8');
const files: Record<string, string> = { 'demo.csv': DEMO };
const cli = (...argv: string[]) => {
  const out = runRecistCli(argv, {
    readFile: (p) => files[p] ?? (() => { throw new Error(`ENOENT: no such file ${p}`); })(),
    readBytes: (p) => new TextEncoder().encode(files[p] ?? ''),
  });
  if ('then' in out) throw new Error('recist agreement answers at once');
  return out;
};

function view(text: string, choice: AgreementChoice = DEFAULT_AGREEMENT_CHOICE, file = 'demo.csv'): AgreementView {
  const result = agreementView(readMeasurementCsv(text), file, choice);
  if (!result.ok) throw new Error(`${result.error.title}: ${result.error.message}`);
  return result.value;
}

interface JsonKappa { n: number; observedAgreement: number; kappa: number | null; lower: number | null; upper: number | null }
interface JsonReport {
  patients: number;
  timepointResponse: JsonKappa;
  timepointResponseByLabel: { label: string; agreement: JsonKappa }[];
  bestOverallResponse: JsonKappa;
  progression: JsonKappa;
  discordant: { patientId: string; firstDiscordant: { label: string; scanDate: string; first: string; second: string } | null }[];
}

const printed = (k: JsonKappa) => ({
  n: k.n,
  agreement: `${(k.observedAgreement * 100).toFixed(1)} %`,
  kappa: k.kappa === null ? 'n/a' : k.kappa.toFixed(3),
  ci: k.lower === null || k.upper === null ? 'undefined: one label only' : `${k.lower.toFixed(3)} to ${k.upper.toFixed(3)}`,
});

describe.each<[string, string[], AgreementChoice]>([
  ['the defaults', [], DEFAULT_AGREEMENT_CHOICE],
  ['a 90-day window and confirmation', ['--days', '90', '--confirm'], { readers: null, progressionDays: 90, confirm: true }],
  ['the readers the other way round', ['--readers', 'B,A'], { readers: ['B', 'A'], progressionDays: 0, confirm: false }],
])('the demo double read with %s', (_, options, choice) => {
  const shown = view(DEMO, choice);
  const out = cli('agreement', 'demo.csv', '--format', 'json', ...options);
  const json = JSON.parse(out.stdout) as JsonReport;

  it('downloads exactly what recist agreement prints, as JSON and as text', () => {
    expect(out.exitCode, out.stderr).toBe(0);
    expect(shown.json).toBe(out.stdout);
    expect(shown.text).toBe(cli('agreement', 'demo.csv', ...options).stdout);
  });

  it("shows the command's n, % agreement, kappa and 95 % CI per time point label, for all follow-ups, BOR and progression", () => {
    expect(shown.responses.map(({ what, ...figures }) => [what, figures])).toEqual([
      ...json.timepointResponseByLabel.map((l) => [l.label, printed(l.agreement)]),
      ['All follow-ups', printed(json.timepointResponse)],
      ['Best overall response', printed(json.bestOverallResponse)],
    ]);
    expect(shown.progression).toEqual({ what: 'Progression (yes/no)', ...printed(json.progression) });
    expect(shown.responses.map((r) => r.what).slice(0, 2)).toEqual(['3-month follow-up', '6-month follow-up']);
  });

  it("lists the command's discordant patients with their first discordant time point and both responses there", () => {
    expect(shown.discordant.map((d) => [d.patientId, d.firstAt, d.first, d.second])).toEqual(
      json.discordant.map((d) => [d.patientId, d.firstDiscordant ? `${d.firstDiscordant.label}, ${d.firstDiscordant.scanDate}` : 'none: every follow-up agrees', d.firstDiscordant?.first ?? '', d.firstDiscordant?.second ?? '']),
    );
    expect(shown.discordantSummary).toBe(`${json.discordant.length} of ${json.patients} patients discordant`);
  });
});

describe('the demo double read by default', () => {
  it('compares A and B: BOR kappa 0.754 (83.3 %), 8 of 24 discordant, RR-0001 first at 3 months, PR vs SD', () => {
    const shown = view(DEMO);
    expect(shown.readers).toEqual(['A', 'B']);
    expect(shown.summary).toBe('Readers A and B: 24 patients read by both');
    expect(shown.responses.find((r) => r.what === 'Best overall response')).toEqual({ what: 'Best overall response', n: 24, agreement: '83.3 %', kappa: '0.754', ci: '0.533 to 0.975' });
    expect(shown.discordantSummary).toBe('8 of 24 patients discordant');
    expect(shown.discordant[0]).toEqual({ patientId: 'RR-0001', firstAt: '3-month follow-up, 2023-04-17', first: 'PR', second: 'SD', bestResponse: ['PR', 'SD'], progression: ['2023-07-17', '2023-07-17'] });
    expect(shown.fileStem).toBe('agreement-A-vs-B');
  });

  it('says the progression-date window only when there is one', () => {
    expect(view(DEMO).progressionDate).toBe('Both readers call progression in 8 patients: on the same scan in 7.');
    expect(view(DEMO, { ...DEFAULT_AGREEMENT_CHOICE, progressionDays: 7 }).progressionDate).toBe('Both readers call progression in 8 patients: on the same scan in 7, within 7 days in 7.');
  });
});

describe('three readers', () => {
  const three = `${DEMO.trimEnd()}\n${DEMO.split('\n').slice(1).filter((l) => l.endsWith(',B')).map((l) => l.replace(/,B$/, ',C')).join('\n')}\n`;
  files['three.csv'] = three;

  it('compares the first two in name order unless two are chosen, as recist agreement --readers does', () => {
    const shown = view(three);
    expect(shown.readerSelects.map((s) => [s.value, s.options.map((o) => o.value)])).toEqual([['A', ['A', 'B', 'C']], ['B', ['A', 'B', 'C']]]);
    expect(shown.json).toBe(cli('agreement', 'three.csv', '--format', 'json', '--readers', 'A,B').stdout);
    const bc = applyAgreementChange(DEFAULT_AGREEMENT_CHOICE, { control: 'reader', which: 0, value: 'C' }, shown.readers);
    expect(bc.readers).toEqual(['C', 'B']);
    // C's rows are B's: they agree on everything.
    expect(view(three, bc).discordantSummary).toBe('0 of 24 patients discordant');
    expect(view(three, bc).json).toBe(cli('agreement', 'three.csv', '--format', 'json', '--readers', 'C,B').stdout);
  });
});

describe('applyAgreementChange', () => {
  const shown = ['A', 'B'] as const;
  it("swaps the readers when one is set to the other's name, so the two always differ", () => {
    expect(applyAgreementChange(DEFAULT_AGREEMENT_CHOICE, { control: 'reader', which: 1, value: 'A' }, shown).readers).toEqual(['B', 'A']);
    expect(applyAgreementChange({ ...DEFAULT_AGREEMENT_CHOICE, readers: ['B', 'A'] }, { control: 'reader', which: 0, value: 'A' }, shown).readers).toEqual(['A', 'B']);
  });
  it('takes whole days up to 9999, an emptied field as 0, and ignores anything else', () => {
    const days = (text: string, from = 3) => applyAgreementChange({ ...DEFAULT_AGREEMENT_CHOICE, progressionDays: from }, { control: 'days', text }, shown).progressionDays;
    expect([days('14'), days(' 0 '), days(''), days('-1'), days('2.5'), days('10000'), days('x')]).toEqual([14, 0, 0, 3, 3, 3, 3]);
  });
  it('sets the confirmation option', () => {
    expect(applyAgreementChange(DEFAULT_AGREEMENT_CHOICE, { control: 'confirm', value: true }, shown).confirm).toBe(true);
  });
});

describe('a file that cannot be compared says why and what to do', () => {
  const refused = (text: string, choice = DEFAULT_AGREEMENT_CHOICE) => {
    const result = agreementView(readMeasurementCsv(text), 'reads.csv', choice);
    if (result.ok) throw new Error('the file was compared');
    return result.error;
  };
  // A single read: reader A's rows, the reader column taken off.
  const withoutReader = DEMO.split('\n').filter((l) => !l.endsWith(',B')).map((l) => l.replace(/,[^,]*$/, '')).join('\n');

  it('no reader column: says so, and that the measurement CSV needs one, and where it comes from', () => {
    const words = refused(withoutReader);
    expect(words.title).toBe('reads.csv has no reader column');
    expect(words.message).toMatch(/needs a "reader" column/);
    expect(words.message).toMatch(/recist export --what measurements/);
  });
  it('one reader only', () => {
    const onlyA = DEMO.split('\n').filter((l) => !l.endsWith(',B')).join('\n');
    expect(refused(onlyA).title).toBe('reads.csv has one reader only (A)');
  });
  it('a reader who is not in the file', () => {
    const words = refused(DEMO, { ...DEFAULT_AGREEMENT_CHOICE, readers: ['A', 'Z'] });
    expect(words.title).toBe('No reader Z in reads.csv');
    expect(words.message).toBe('Choose two of the readers in the file: A, B.');
  });
  it('some rows without a reader, naming the patients', () => {
    const lines = DEMO.split('\n');
    const words = refused(lines.map((l) => (l.startsWith('RR-0003,') && l.endsWith(',B') ? l.replace(/,B$/, ',') : l)).join('\n'));
    expect(words.title).toBe('reads.csv has rows without a reader');
    expect(words.details).toEqual(['RR-0003']);
  });
  it('two readers\' rows without a reader column: the lesions recorded twice, by line, and why that happens', () => {
    const words = refused(DEMO.split('\n').map((l) => l.replace(/,[^,]*$/, '')).join('\n'));
    expect(words.title).toBe('reads.csv cannot be compared');
    expect(words.message).toMatch(/without a reader column read as each lesion recorded twice/);
    expect(words.details[0]).toMatch(/^line 22: .*NT1 is recorded twice at time point "Baseline"/);
  });
  it('a file that is not a measurement CSV (a patient CSV): the line and what is missing', () => {
    const patientCsv = readFileSync(new URL('../../sample-dicom/demo-cohort.csv', import.meta.url), 'utf8');
    const words = refused(patientCsv);
    expect(words.title).toBe('reads.csv cannot be compared');
    expect(words.details[0]).toMatch(/^line 1: .*missing.*timepoint/);
  });
});
