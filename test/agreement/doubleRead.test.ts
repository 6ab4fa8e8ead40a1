// A double read end to end on the command line (issue 20): `recist assess` with a reader column (one assessment
// per patient and reader), `recist agreement` (kappa, discordant patients), and `--adjudication` giving the
// per-patient endpoint of the chosen read.
import { describe, expect, it } from 'vitest';
import { runRecistCli } from '../../src/cli/run';

const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state,reader';
const rows = (patient: string, reader: string, sizes: number[]) =>
  sizes.map((s, i) => `${patient},TP${i},2024-0${2 * i + 1}-01,T1,target,liver,no,${s},,,${reader}`);
// P1: both readers PR then SD. P2: A sees PD at TP2, B SD. P3: A PR, B SD (27 % vs 31 %). P4: both SD.
const DOUBLE = [
  HEADER,
  ...rows('P1', 'A', [40, 26, 27]), ...rows('P1', 'B', [41, 27, 28]),
  ...rows('P2', 'A', [30, 25, 31]), ...rows('P2', 'B', [31, 26, 29]),
  ...rows('P3', 'A', [50, 34, 33]), ...rows('P3', 'B', [52, 38, 37]),
  ...rows('P4', 'A', [20, 19, 21]), ...rows('P4', 'B', [21, 20, 21]),
].join('\n');

const files: Record<string, string> = { 'double.csv': DOUBLE };
const run = (...argv: string[]) =>
  runRecistCli(argv, {
    readFile: (p) => files[p] ?? (() => { throw new Error(`ENOENT: no such file ${p}`); })(),
    readBytes: (p) => new TextEncoder().encode(files[p] ?? ''),
  });

describe('recist assess on a double read', () => {
  it('gives one assessment per patient and reader, the reader in every row', () => {
    const out = run('assess', 'double.csv', '--per-patient', '--format', 'json');
    expect(out.exitCode, out.stderr).toBe(0);
    const list = JSON.parse(out.stdout) as { patient_id: string; reader: string; best_overall_response: string }[];
    expect(list.map((r) => [r.patient_id, r.reader, r.best_overall_response])).toEqual([
      ['P1', 'A', 'PR'], ['P1', 'B', 'PR'], ['P2', 'A', 'SD'], ['P2', 'B', 'SD'], ['P3', 'A', 'PR'], ['P3', 'B', 'SD'], ['P4', 'A', 'SD'], ['P4', 'B', 'SD'],
    ]);
    const csv = run('assess', 'double.csv').stdout.split('\n');
    expect(csv[0]?.startsWith('patient_id,reader,timepoint,')).toBe(true);
    expect(csv.slice(1, -1).every((l) => /^P\d,[AB],/.test(l))).toBe(true);
  });
});

describe('recist agreement', () => {
  it('reports kappa and the discordant patients with their first discordant time point', () => {
    const out = run('agreement', 'double.csv', '--format', 'json');
    expect(out.exitCode, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as {
      patients: number;
      bestOverallResponse: { n: number; observedAgreement: number; kappa: number };
      timepointResponse: { n: number };
      progression: { n: number; observedAgreement: number };
      discordant: { patientId: string; firstDiscordant: { label: string; first: string; second: string } }[];
    };
    expect(report.patients).toBe(4);
    expect(report.timepointResponse.n).toBe(8);
    expect(report.bestOverallResponse.observedAgreement).toBeCloseTo(0.75, 12);
    expect(report.progression.observedAgreement).toBeCloseTo(0.75, 12);
    expect(report.discordant.map((d) => [d.patientId, d.firstDiscordant.label, d.firstDiscordant.first, d.firstDiscordant.second])).toEqual([
      ['P2', 'TP2', 'PD', 'SD'],
      ['P3', 'TP1', 'PR', 'SD'],
    ]);
  });

  it('says it in words', () => {
    const out = run('agreement', 'double.csv');
    expect(out.stdout).toMatch(/Readers A and B: 4 patients read by both/);
    expect(out.stdout).toMatch(/Best overall response: n 4, agreement 75\.0 %, Cohen's kappa/);
    expect(out.stdout).toMatch(/P2: first at TP2 \(2024-05-01\): PD vs SD/);
  });

  it('refuses a file without readers, and more than two readers without --readers', () => {
    files['single.csv'] = DOUBLE.replace(/,reader$/m, ',x').split('\n').map((l, i) => (i === 0 ? l.replace(',x', '') : l.replace(/,[AB]$/, ''))).join('\n');
    expect(run('agreement', 'single.csv').stderr).toMatch(/a double read names the reader of every row/);
    files['three.csv'] = `${DOUBLE}\n${rows('P1', 'C', [40, 26, 27]).join('\n')}`;
    expect(run('agreement', 'three.csv').stderr).toMatch(/3 readers \(A, B, C\).*--readers A,B/);
    expect(run('agreement', 'three.csv', '--readers', 'A,C').exitCode).toBe(0);
  });
});

describe('recist assess --adjudication', () => {
  files['adjudication.csv'] = 'patient_id,chosen_reader,adjudicator,reason\nP3,B,C,"T1 measured across the necrotic rim by A"\n';
  it('gives the adjudicated endpoint per patient, both reads, and who adjudicated; a discordance without one waits', () => {
    const out = run('assess', 'double.csv', '--per-patient', '--adjudication', 'adjudication.csv', '--format', 'json');
    expect(out.exitCode, out.stderr).toBe(0);
    const list = JSON.parse(out.stdout) as Record<string, unknown>[];
    expect(list.map((r) => [r.patient_id, r.best_overall_response, r.progression_date, r.reader, r.concordant, r.reader_1_bor, r.reader_2_bor, r.adjudicated_by])).toEqual([
      ['P1', 'PR', null, 'A', 'yes', 'PR', 'PR', null],
      ['P2', null, null, null, 'no', 'SD', 'SD', null],
      ['P3', 'SD', null, 'B', 'no', 'PR', 'SD', 'C'],
      ['P4', 'SD', null, 'A', 'yes', 'SD', 'SD', null],
    ]);
    expect(list[1]?.warnings).toEqual(['NOT_ADJUDICATED']);
  });
  it('refuses an adjudicator who read the patient, and a chosen reader who did not', () => {
    files['bad.csv'] = 'patient_id,chosen_reader,adjudicator,reason\nP3,B,A,x\nP2,Z,C,y\n';
    const out = run('assess', 'double.csv', '--per-patient', '--adjudication', 'bad.csv');
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/line 2: adjudicator "A" read P3; the adjudicator is a third reader/);
    expect(out.stderr).toMatch(/line 3: chosen_reader "Z" did not read P2/);
  });
});

describe('recist agreement per time point label', () => {
  it('gives n, agreement and kappa for each follow-up label, in follow-up order, and prints them under the pooled line', () => {
    const report = JSON.parse(run('agreement', 'double.csv', '--format', 'json').stdout) as {
      timepointResponse: { n: number };
      timepointResponseByLabel: { label: string; agreement: { n: number; observedAgreement: number; kappa: number | null } }[];
    };
    // TP1: P3 differs (PR vs SD); TP2: P2 (PD vs SD) and P3 (PR vs SD) differ.
    expect(report.timepointResponseByLabel.map((l) => [l.label, l.agreement.n, l.agreement.observedAgreement])).toEqual([
      ['TP1', 4, 0.75],
      ['TP2', 4, 0.5],
    ]);
    expect(report.timepointResponseByLabel.reduce((n, l) => n + l.agreement.n, 0)).toBe(report.timepointResponse.n);
    const text = run('agreement', 'double.csv').stdout;
    expect(text).toMatch(/Overall response per follow-up: n 8,.*\n {2}TP1: n 4, agreement 75\.0 %, Cohen's kappa .*\n {2}TP2: n 4, agreement 50\.0 %/);
  });

  it('orders labels by their place in the follow-ups, not by name', () => {
    files['months.csv'] = [
      HEADER,
      ...['A', 'B'].flatMap((r) => [
        `P1,baseline,2024-01-01,T1,target,liver,no,40,,,${r}`,
        `P1,month 3,2024-04-01,T1,target,liver,no,30,,,${r}`,
        `P1,month 12,2025-01-01,T1,target,liver,no,20,,,${r}`,
      ]),
    ].join('\n');
    const report = JSON.parse(run('agreement', 'months.csv', '--format', 'json').stdout) as { timepointResponseByLabel: { label: string }[] };
    expect(report.timepointResponseByLabel.map((l) => l.label)).toEqual(['month 3', 'month 12']);
  });
});
