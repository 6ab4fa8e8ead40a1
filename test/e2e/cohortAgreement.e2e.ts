// The cohort screen's reader agreement end to end: the demo double read and a two-reader CSV chosen by the reader
// show the kappa, % agreement and discordant patients that `recist agreement` gives for the same file; the
// readers, the progression-date window and the confirmation option change the figures as the command's options
// do; the report downloads as the command's text and JSON; a file without a reader column is refused, saying why.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { runRecistCli } from '../../src/cli/run';
import { browserSession } from './browserSession';

const DEMO = readFileSync(new URL('../../sample-dicom/demo-two-readers.csv', import.meta.url), 'utf8');
const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state,reader';
const rows = (patient: string, reader: string, sizes: number[]) =>
  sizes.map((s, i) => `${patient},TP${i},2024-0${2 * i + 1}-01,T1,target,liver,no,${s},,,${reader}`);
// P1: both PR then PR. P2: Ana sees PD at TP2, Ben SD. P3: Ana PR, Ben SD. P4: both SD. Cleo reads P1 and P2 as Ben.
const SMALL = [
  HEADER,
  ...rows('P1', 'Ana', [40, 26, 27]), ...rows('P1', 'Ben', [41, 27, 28]),
  ...rows('P2', 'Ana', [30, 25, 31]), ...rows('P2', 'Ben', [31, 26, 29]),
  ...rows('P3', 'Ana', [50, 34, 33]), ...rows('P3', 'Ben', [52, 38, 37]),
  ...rows('P4', 'Ana', [20, 19, 21]), ...rows('P4', 'Ben', [21, 20, 21]),
  ...rows('P1', 'Cleo', [41, 27, 28]), ...rows('P2', 'Cleo', [31, 26, 29]),
].join('\n');

const files: Record<string, string> = { 'demo.csv': DEMO, 'small.csv': SMALL };
function cli(...argv: string[]): string {
  const out = runRecistCli(['agreement', ...argv], { readFile: (p) => files[p] ?? '', readBytes: (p) => new TextEncoder().encode(files[p] ?? '') });
  if ('then' in out || out.exitCode !== 0) throw new Error('recist agreement failed');
  return out.stdout;
}

interface JsonKappa { n: number; observedAgreement: number; kappa: number | null; lower: number | null; upper: number | null }
interface JsonReport {
  timepointResponseByLabel: { label: string; agreement: JsonKappa }[];
  bestOverallResponse: JsonKappa;
  progression: JsonKappa;
  discordant: { patientId: string; firstDiscordant: { label: string; first: string; second: string } | null }[];
}
const report = (...argv: string[]) => JSON.parse(cli(...argv, '--format', 'json')) as JsonReport;
const printed = (k: JsonKappa) => [String(k.n), `${(k.observedAgreement * 100).toFixed(1)} %`, k.kappa === null ? 'n/a' : k.kappa.toFixed(3)];

let page: Page;

browserSession({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true }, async (session) => {
  page = session.page;
  await page.goto(`${inject('baseUrl')}#cohort`);
  // A cold dev server transforms the whole app on this first load: wait for the cohort screen here, not in a test.
  await page.getByRole('heading', { name: 'Reader agreement' }).waitFor({ timeout: 100_000 });
});

const section = () => page.getByTestId('reader-agreement');

/** A kappa table's row as [n, % agreement, kappa]. */
async function kappaRow(table: string, row: string): Promise<string[]> {
  const cells = section().getByRole('table', { name: table }).locator(`tr[data-row="${row}"]`);
  return Promise.all(['n', 'agreement', 'kappa'].map(async (v) => (await cells.locator(`[data-value="${v}"]`).textContent()) ?? ''));
}

/** The discordant patients as [patient, first discordant time point, first reader's response, second's]. */
async function discordant(): Promise<string[][]> {
  const table = section().getByTestId('agreement-discordant');
  if ((await table.count()) === 0) return [];
  const rows = table.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('th, td');
    out.push([(await cells.nth(0).textContent()) ?? '', (await cells.nth(1).textContent()) ?? '', (await cells.nth(2).textContent()) ?? '', (await cells.nth(3).textContent()) ?? '']);
  }
  return out;
}

const expectedDiscordant = (r: JsonReport) =>
  r.discordant.map((d) => [d.patientId, d.firstDiscordant?.label ?? 'none', d.firstDiscordant?.first ?? '', d.firstDiscordant?.second ?? '']);
const shownDiscordant = async () => (await discordant()).map(([p, at, a, b]) => [p ?? '', (at ?? '').replace(/, \d{4}-\d{2}-\d{2}$/, '').replace(/^none: .*/, 'none'), a ?? '', b ?? '']);

async function download(button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), section().getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

describe('reader agreement on the cohort screen', () => {
  it('opens the demo two-reader file: per time point label and BOR, the n, % agreement and kappa of recist agreement', async () => {
    await section().getByRole('button', { name: 'Open the demo two-reader file' }).click();
    await expect.poll(() => section().getByTestId('agreement-summary').textContent(), { timeout: 20_000 }).toBe('Readers A and B: 24 patients read by both');
    const expected = report('demo.csv');
    for (const l of expected.timepointResponseByLabel) expect(await kappaRow('Agreement on the overall response', l.label)).toEqual(printed(l.agreement));
    expect(await kappaRow('Agreement on the overall response', 'Best overall response')).toEqual(printed(expected.bestOverallResponse));
    expect(await kappaRow('Agreement on the overall response', 'Best overall response')).toEqual(['24', '83.3 %', '0.754']);
    expect(await kappaRow('Agreement on progression', 'Progression (yes/no)')).toEqual(printed(expected.progression));
    expect(await shownDiscordant()).toEqual(expectedDiscordant(expected));
    expect((await discordant())[0]).toEqual(['RR-0001', '3-month follow-up, 2023-04-17', 'PR', 'SD']);
  });

  it('changes the figures with the progression-date window and the confirmation option, as --days and --confirm do', async () => {
    await section().getByLabel('Progression dates agree within (days)').fill('120');
    await section().getByLabel('Confirm CR and PR (a scan at least 28 days later)').check();
    const expected = report('demo.csv', '--days', '120', '--confirm');
    // Confirmation turns unconfirmed PRs into SD: the best-response row must change, or this test shows nothing.
    expect(printed(expected.bestOverallResponse)).not.toEqual(printed(report('demo.csv').bestOverallResponse));
    await expect.poll(() => kappaRow('Agreement on the overall response', 'Best overall response')).toEqual(printed(expected.bestOverallResponse));
    expect(await shownDiscordant()).toEqual(expectedDiscordant(expected));
    expect(await section().getByTestId('agreement-progression-date').textContent()).toMatch(/within 120 days in \d+\.$/);
  });

  it('downloads the report as the text and the JSON recist agreement prints', async () => {
    const text = await download('Report (text)');
    expect(text.name).toBe('agreement-A-vs-B.txt');
    expect(text.text).toBe(cli('demo.csv', '--days', '120', '--confirm'));
    const json = await download('Report (JSON)');
    expect(json.name).toBe('agreement-A-vs-B.json');
    expect(json.text).toBe(cli('demo.csv', '--days', '120', '--confirm', '--format', 'json'));
  });

  it('opens a two-reader CSV of three readers: the first two by default, then the two chosen', async () => {
    await section().getByTestId('agreement-csv-input').setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(SMALL) });
    await expect.poll(() => section().getByTestId('agreement-summary').textContent()).toBe('Readers Ana and Ben: 4 patients read by both');
    // A new file starts from the default options.
    expect(await section().getByLabel('Progression dates agree within (days)').inputValue()).toBe('0');
    expect(await kappaRow('Agreement on the overall response', 'Best overall response')).toEqual(['4', '75.0 %', printed(report('small.csv', '--readers', 'Ana,Ben').bestOverallResponse)[2]]);
    expect(await kappaRow('Agreement on the overall response', 'TP1')).toEqual(['4', '75.0 %', printed(report('small.csv', '--readers', 'Ana,Ben').timepointResponseByLabel[0]!.agreement)[2]]);
    expect(await discordant()).toEqual([['P2', 'TP2, 2024-05-01', 'PD', 'SD'], ['P3', 'TP1, 2024-03-01', 'PR', 'SD']]);

    await section().getByLabel('Second reader').selectOption('Cleo');
    await expect.poll(() => section().getByTestId('agreement-summary').textContent()).toBe('Readers Ana and Cleo: 2 patients read by both');
    expect(await shownDiscordant()).toEqual(expectedDiscordant(report('small.csv', '--readers', 'Ana,Cleo')));
    expect(await section().getByText('Read by one reader only (not compared): P3, P4').count()).toBe(1);
  });

  it('refuses a file without a reader column, saying the measurement CSV needs one', async () => {
    const single = SMALL.split('\n').filter((l, i) => i === 0 || l.endsWith(',Ana')).map((l) => l.replace(/,[^,]*$/, '')).join('\n');
    await section().getByTestId('agreement-csv-input').setInputFiles({ name: 'single.csv', mimeType: 'text/csv', buffer: Buffer.from(single) });
    await expect.poll(() => section().getByTestId('agreement-error').textContent()).toMatch(/^single\.csv has no reader column.*needs a "reader" column.*recist export --what measurements/);
    expect(await section().getByTestId('agreement-summary').count()).toBe(0);
  });
});
