// The cohort survival screen end to end: from the reading screen's link to the demo cohort's Kaplan-Meier medians
// and log-rank p-value, checked against R's survival (when Rscript is installed) and against src/survival directly
// on records built here from the CSV (so the test checks the numbers without R too); switching endpoint and
// grouping changes the tables; the guarantee-time-bias warning; the downloads; a patient CSV of one's own.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatDays, formatP } from '../../src/cohort/formatStats';
import { parseCsv } from '../../src/shared/csv';
import { kaplanMeierByGroup } from '../../src/survival/kaplanMeier';
import { logRank } from '../../src/survival/logRank';
import type { SurvivalRecord } from '../../src/survival/types';
import { browserSession } from './browserSession';

const DEMO_PATH = fileURLToPath(new URL('../../sample-dicom/demo-cohort.csv', import.meta.url));
const DEMO = readFileSync(DEMO_PATH, 'utf8');

const hasR = spawnSync('Rscript', ['-e', 'library(survival)'], { stdio: 'ignore' }).status === 0;

let page: Page;

browserSession({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  // A cold dev server transforms the whole app on this first load: wait for the reading screen here, not in a test.
  await page.getByRole('link', { name: 'Cohort analysis' }).waitFor({ timeout: 100_000 });
});

// ---- expected values, computed here ------------------------------------------------------------------------------

interface GroupNumbers {
  readonly median: string;
  readonly ci: string;
}
interface Expected {
  readonly groups: Record<string, GroupNumbers>;
  readonly p: string;
}

/** The demo's rows as objects by column name. */
function demoRows(): Record<string, string>[] {
  const parsed = parseCsv(DEMO);
  if (!parsed.ok) throw new Error(parsed.error.code);
  const [header, ...rows] = parsed.records;
  const names = header?.fields ?? [];
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r.fields[i] ?? ''])));
}

/** The screen's rule for CR/PR vs SD vs PD (NE and no response left out). */
const responseGroup = (r: string) => (r === 'CR' || r === 'PR' ? 'CR/PR' : r === 'SD' || r === 'NON-CR/NON-PD' ? 'SD' : r === 'PD' ? 'PD' : null);

/** The landmark records: OS from landmark_os_days, or PFS as pfs_days - L for those progression-free at L. */
function landmarkRecords(endpoint: 'os' | 'pfs'): SurvivalRecord[] {
  return demoRows().flatMap((r) => {
    const group = responseGroup(r.landmark_response ?? '');
    if (r.landmark_at_risk !== '1' || group === null) return [];
    if (endpoint === 'os') return [{ time: Number(r.landmark_os_days), event: r.landmark_os_event === '1', group }];
    const L = Number(r.landmark_days);
    const days = Number(r.pfs_days);
    const event = r.pfs_event === '1';
    return days > L || (days === L && !event) ? [{ time: days - L, event, group }] : [];
  });
}

function fromSurvivalModule(endpoint: 'os' | 'pfs'): Expected {
  const records = landmarkRecords(endpoint);
  const levels = ['CR/PR', 'SD', 'PD'].filter((g) => records.some((r) => r.group === g));
  const curves = kaplanMeierByGroup(records, { levels });
  const test = logRank(records, { levels });
  if (!curves.ok || !test.ok) throw new Error('src/survival refused the demo');
  return {
    groups: Object.fromEntries(curves.value.map((c) => [c.group, { median: formatDays(c.median.median), ci: `${formatDays(c.median.lower)}–${formatDays(c.median.upper)}` }])),
    p: formatP(test.value.pValue),
  };
}

/** The same analysis in R: survfit's medians (print.survfit's table) and survdiff's p. */
const R_SCRIPT = `
suppressMessages(library(survival))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1], stringsAsFactors = FALSE, na.strings = "")
grp <- function(r) ifelse(r %in% c("CR", "PR"), "CR/PR", ifelse(r %in% c("SD", "NON-CR/NON-PD"), "SD", ifelse(r %in% "PD", "PD", NA)))
lm <- d[d$landmark_at_risk %in% 1, ]
lm$group <- factor(grp(lm$landmark_response), levels = c("CR/PR", "SD", "PD"))
lm <- lm[!is.na(lm$group), ]
report <- function(endpoint, time, event, group) {
  group <- droplevels(group)
  tab <- summary(survfit(Surv(time, event) ~ group))$table
  line <- function(...) cat(paste(c(...), collapse = "\\t"), "\\n", sep = "")
  for (i in seq_len(nrow(tab))) line(endpoint, sub("^group=", "", rownames(tab)[i]), tab[i, "median"], tab[i, "0.95LCL"], tab[i, "0.95UCL"])
  test <- survdiff(Surv(time, event) ~ group)
  line(endpoint, "p", format(pchisq(test$chisq, length(test$n) - 1, lower.tail = FALSE), digits = 17))
}
report("os", lm$landmark_os_days, lm$landmark_os_event, lm$group)
# PFS from the landmark: progression-free at L (no event up to day L, follow-up reaching L), clock restarted at L.
pf <- lm[!is.na(lm$pfs_days) & (lm$pfs_days > lm$landmark_days | (lm$pfs_days == lm$landmark_days & lm$pfs_event == 0)), ]
report("pfs", pf$pfs_days - pf$landmark_days, pf$pfs_event, pf$group)
`;

function fromR(): Record<'os' | 'pfs', Expected> {
  const run = spawnSync('Rscript', ['--vanilla', '-e', R_SCRIPT, DEMO_PATH], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Rscript failed: ${run.stderr}`);
  const days = (text: string) => formatDays(text === 'NA' ? null : Number(text));
  const out: Record<'os' | 'pfs', { groups: Record<string, GroupNumbers>; p: string }> = { os: { groups: {}, p: '' }, pfs: { groups: {}, p: '' } };
  for (const line of run.stdout.trim().split('\n')) {
    const [endpoint, group, a, b, c] = line.split('\t') as ['os' | 'pfs', string, string, string?, string?];
    if (group === 'p') out[endpoint].p = formatP(Number(a));
    else out[endpoint].groups[group] = { median: days(a), ci: `${days(b ?? 'NA')}–${days(c ?? 'NA')}` };
  }
  return out;
}

// ---- the screen ----------------------------------------------------------------------------------------------------

const groupTable = () => page.getByRole('table', { name: 'Median survival by group' });
const logRankP = () => page.getByTestId('log-rank').locator('[data-value="p"]').textContent();

/** The group table as shown: group -> median and CI text. */
async function shownGroups(): Promise<Record<string, GroupNumbers>> {
  const rows = groupTable().locator('tbody tr');
  const shown: Record<string, GroupNumbers> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const group = (await row.getAttribute('data-group')) ?? '';
    shown[group] = { median: (await row.locator('[data-value="median"]').textContent()) ?? '', ci: (await row.locator('[data-value="ci"]').textContent()) ?? '' };
  }
  return shown;
}

async function shown(): Promise<Expected> {
  return { groups: await shownGroups(), p: (await logRankP()) ?? '' };
}

/** The analysis's title: the first level-2 heading (the Reader agreement section below has the next). */
const analysisTitle = () => page.getByRole('heading', { level: 2 }).first();

async function download(button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('cohort survival screen', () => {
  it('opens from the reading screen\'s "Cohort analysis" link with the demo cohort, by response at the landmark', async () => {
    await page.getByRole('link', { name: 'Cohort analysis' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#cohort');
    await groupTable().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('cohort-source').textContent()).toContain('300 patients');
    expect(await analysisTitle().textContent()).toBe('Overall survival from the landmark (day 91), by response at the landmark: CR/PR vs SD vs PD');
    expect(await page.getByTestId('bias-warning').count()).toBe(0);
  });

  it('shows the medians, their CIs and the log-rank p that src/survival gives for the landmark rule', async () => {
    const expected = fromSurvivalModule('os');
    expect(Object.keys(expected.groups)).toEqual(['CR/PR', 'SD', 'PD']);
    expect(await shown()).toEqual(expected);
  });

  it.skipIf(!hasR)('... and that R\'s survfit and survdiff give for the same rule (OS and PFS from the landmark)', async () => {
    const r = fromR();
    expect(await shown()).toEqual(r.os);
    await page.getByLabel('Endpoint').selectOption('pfs');
    await expect.poll(() => logRankP()).toBe(r.pfs.p);
    expect(await shown()).toEqual(r.pfs);
    expect(r.pfs).toEqual(fromSurvivalModule('pfs'));
    await page.getByLabel('Endpoint').selectOption('os');
    await expect.poll(() => logRankP()).toBe(r.os.p);
  });

  it('draws the plot with a curve per group and the numbers at risk under it, starting from each group\'s n', async () => {
    const plot = page.getByTestId('km-plot');
    expect(await plot.locator('path[fill="none"]').count()).toBe(3);
    const atRisk = page.getByTestId('numbers-at-risk');
    expect(await atRisk.textContent()).toMatch(/^Number at risk/);
    const firstCount = (group: string) => atRisk.locator(`g[data-group="${group}"] text`).nth(1).textContent();
    const n = (group: string) => groupTable().locator(`tr[data-group="${group}"] td`).first().textContent();
    for (const group of ['CR/PR', 'SD', 'PD']) expect(await firstCount(group)).toBe(await n(group));
  });

  it('switching the endpoint to PFS, then grouping by arm, changes the tables', async () => {
    const before = await shown();
    await page.getByLabel('Endpoint').selectOption('pfs');
    await expect.poll(() => analysisTitle().textContent()).toMatch(/^Progression-free survival from the landmark/);
    const pfs = await shown();
    expect(pfs).not.toEqual(before);
    expect(pfs).toEqual(fromSurvivalModule('pfs'));
    expect(await page.getByTestId('cohort-analysed').textContent()).toMatch(/progressed or died by day 91/);

    await page.getByLabel('Group by').selectOption('covariate:arm');
    await expect.poll(async () => Object.keys(await shownGroups())).toEqual(['arm = A', 'arm = B']);
    expect(await analysisTitle().textContent()).toBe('Progression-free survival from the origin, by arm');
    expect(await page.getByTestId('cox').getByRole('row', { name: /arm = B vs arm = A/ }).count()).toBe(1);
  });

  it('warns of guarantee-time bias when grouping by best overall response without a landmark, and only then', async () => {
    await page.getByLabel('Endpoint').selectOption('os');
    await page.getByLabel('Group by').selectOption('best-response');
    const warning = page.getByTestId('bias-warning');
    await expect.poll(() => warning.getAttribute('role')).toBe('alert');
    expect(await warning.textContent()).toMatch(/^Guarantee-time bias: .*live long enough to reach a scan/);
    expect(await analysisTitle().textContent()).toBe('Overall survival from the origin, by best overall response (no landmark): CR/PR vs SD vs PD');
    await page.getByLabel('Group by').selectOption('landmark');
    await expect.poll(() => warning.count()).toBe(0);
  });

  it('downloads the plot as SVG and PNG, and the tables as CSV', async () => {
    const svg = await download('Plot (SVG)');
    expect(svg.name).toBe('cohort-os-landmark-cr-pr-sd-pd-km.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('Number at risk');

    const png = await download('Plot (PNG)');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // 2x the plot's size: the width sits in the IHDR chunk at byte 16.
    expect(png.bytes.readUInt32BE(16)).toBe(2 * Number(await page.getByTestId('km-plot').getAttribute('width')));

    const medians = await download('Medians and log-rank (CSV)');
    const parsed = parseCsv(medians.bytes.toString('utf8'));
    if (!parsed.ok) throw new Error(parsed.error.code);
    const expected = fromSurvivalModule('os');
    expect(parsed.records.slice(1).map((r) => [r.fields[0], formatDays(Number(r.fields[3]))])).toEqual(
      Object.entries(expected.groups).map(([group, g]) => [group, g.median]),
    );
    expect(formatP(Number(parsed.records[1]?.fields[10]))).toBe(expected.p);
  });

  it('opens a patient CSV chosen by the reader, and refuses one that is not, saying why', async () => {
    const armB = DEMO.split('\n').filter((line, i) => i === 0 || line.includes(',B,')).join('\n');
    await page.getByTestId('cohort-csv-input').setInputFiles({ name: 'arm-b.csv', mimeType: 'text/csv', buffer: Buffer.from(armB) });
    await expect.poll(() => page.getByTestId('cohort-source').textContent()).toBe('arm-b.csv: 150 patients');
    expect(await page.getByRole('button', { name: 'Demo cohort' }).count()).toBe(1);

    await page.getByTestId('cohort-csv-input').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('time,status\n1,0\n') });
    await expect.poll(() => page.getByTestId('cohort-error').textContent()).toMatch(/^wrong\.csv cannot be analysed.*"best_overall_response"/);

    await page.getByRole('button', { name: 'Demo cohort' }).click();
    await expect.poll(() => page.getByTestId('cohort-source').textContent()).toContain('300 patients');
    expect(await shown()).toEqual(fromSurvivalModule('os'));
  });

  it('"Back to reading" returns to the reading screen', async () => {
    await page.getByRole('link', { name: 'Back to reading' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Cohort analysis' }).count()).toBe(1);
    expect(await page.evaluate(() => window.location.hash)).toBe('');
  });
});
