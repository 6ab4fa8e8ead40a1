// The reading screen as a radiologist found it (issue 21): the RECIST table's overall response in view at common
// screen widths, linked scrolling from the start, the follow-up being read kept over a reload; real Vite, real
// Chromium, on the sample patient.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from './browserSession';
import { counter, pane } from './readingHelpers';
import { addLesion, lesionRow, measure, overall, panel, study, type TruthLesion } from './recordHelpers';

const BASELINE = 0;
const FOLLOW_UP = 1;

let page: Page;

browserSession({ viewport: { width: 1280, height: 800 }, acceptDialogs: true }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await panel(page).waitFor({ timeout: 30_000 });
});

const linkButton = () => page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name: 'Link scrolling', exact: true });

/** The part of the record column the reader sees without scrolling, in page coordinates. */
const visibleColumn = () => panel(page).evaluate((el) => {
  const box = el.getBoundingClientRect();
  return { left: box.left + el.clientLeft, top: box.top + el.clientTop, right: box.left + el.clientLeft + el.clientWidth, bottom: box.top + el.clientTop + el.clientHeight, scrollLeft: el.scrollLeft };
});

describe('linked scrolling', () => {
  it('is on when the follow-up opens: scrolling the baseline moves the follow-up', async () => {
    await expect.poll(() => linkButton().getAttribute('aria-pressed')).toBe('true');
    await pane(page, BASELINE).getByTestId('viewport').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => counter(page, BASELINE)).toBe('Slice 4 / 40');
    await expect.poll(() => counter(page, FOLLOW_UP)).toBe('Slice 4 / 40');
    await page.keyboard.press('Home');
    await expect.poll(() => counter(page, FOLLOW_UP)).toBe('Slice 1 / 40');
  });
});

describe('the RECIST table in the record column', () => {
  it('records a short reading whose non-target reads NON-CR/NON-PD at the 3-month follow-up', async () => {
    const baseline = study('baseline');
    const target = baseline.lesions.find((l) => l.role === 'target') as TruthLesion;
    await addLesion(page, '+ Target', target.organ, target.location);
    await measure(page, BASELINE, target, 'baseline');
    const nonTarget = baseline.lesions.find((l) => l.role === 'non-target') as TruthLesion;
    await addLesion(page, '+ Non-target', nonTarget.organ, nonTarget.location);
    const again = study('followup-3m').lesions.find((l) => l.id === target.id) as TruthLesion;
    await lesionRow(page, target.id).getByRole('button').first().click();
    await measure(page, FOLLOW_UP, again, 'reading');
    await panel(page).getByLabel('NT1 at Follow-up 1').selectOption('present');
    await expect.poll(() => panel(page).locator('tr[data-timepoint="Follow-up 1"] td').nth(4).textContent()).toBe('NON-CR/NON-PD');
    await expect.poll(() => overall(page, 'Follow-up 1')).toMatch(/^(PR|SD)$/);
  });

  for (const [width, height] of [[1280, 800], [1600, 900], [1920, 1080]] as const) {
    it(`shows the New and Overall columns without a sideways scroll at ${width} x ${height}`, async () => {
      await page.setViewportSize({ width, height });
      const row = panel(page).locator('tr[data-timepoint="Follow-up 1"]');
      await row.scrollIntoViewIfNeeded();
      const column = await visibleColumn();
      expect(column.scrollLeft).toBe(0);
      for (const cell of [row.locator('td').nth(5), row.locator('td[data-cell="overall"]')]) {
        const box = await cell.boundingBox();
        if (!box) throw new Error('cell not laid out');
        expect(box.x).toBeGreaterThanOrEqual(column.left);
        expect(box.x + box.width).toBeLessThanOrEqual(column.right + 0.5);
        expect(box.y).toBeGreaterThanOrEqual(column.top);
        expect(box.y + box.height).toBeLessThanOrEqual(column.bottom + 0.5);
      }
      // Nothing in the column is wider than the column: no sideways scroll at all.
      expect(await panel(page).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    });
  }
});

describe('the headline answer', () => {
  it('the overall response of the follow-up being read heads the column at 1280 x 800, scrolled or not', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const headline = panel(page).getByTestId('headline-response');
    await expect.poll(() => headline.textContent()).toBe(`Follow-up 1: ${await overall(page, 'Follow-up 1')}`);
    for (const scrollTop of [0, 10_000]) {
      await panel(page).evaluate((el, top) => { el.scrollTop = top; }, scrollTop);
      const column = await visibleColumn();
      const box = await headline.boundingBox();
      if (!box) throw new Error('headline not laid out');
      expect(box.y).toBeGreaterThanOrEqual(column.top - 0.5);
      expect(box.y + box.height).toBeLessThanOrEqual(column.bottom + 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(column.right + 0.5);
    }
  });
});

describe('Next lesion', () => {
  const editorTitle = () => panel(page).getByRole('region', { name: /^Lesion / }).getAttribute('aria-label');
  const target = () => study('baseline').lesions.find((l) => l.role === 'target') as TruthLesion;

  it('N selects the next lesion not yet assessed at the follow-up and shows it in both panes', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const t1 = target();
    await panel(page).locator(`select[aria-label="${t1.id} at Follow-up 1"]`).selectOption('');
    await expect.poll(() => lesionRow(page, t1.id).locator('td[data-column="reading"] .lesion-table__value').textContent()).not.toMatch(/mm/);
    await lesionRow(page, 'NT1').getByRole('button').first().click();
    await expect.poll(editorTitle).toBe('Lesion NT1');
    await pane(page, BASELINE).getByTestId('viewport').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => counter(page, FOLLOW_UP)).toBe('Slice 1 / 40');
    await page.keyboard.press('n');
    await expect.poll(editorTitle).toBe(`Lesion ${t1.id}`);
    await expect.poll(() => counter(page, BASELINE)).toBe(`Slice ${t1.instanceNumber} / 40`);
    await expect.poll(() => counter(page, FOLLOW_UP)).toBe(`Slice ${t1.instanceNumber} / 40`);
  });

  it('the button does the same, and says so when every lesion has a finding', async () => {
    const again = study('followup-3m').lesions.find((l) => l.id === target().id) as TruthLesion;
    await measure(page, FOLLOW_UP, again, 'reading');
    await panel(page).getByRole('button', { name: 'Next lesion' }).click();
    await expect.poll(() => panel(page).getByRole('status').first().textContent()).toContain('Every lesion has a finding at Follow-up 1');
  });
});

describe('the lesion record', () => {
  const editor = () => panel(page).getByRole('region', { name: /^Lesion / });

  it('asks a new lesion for its organ, gives organ and location room, and says which target the baseline sum leaves out', async () => {
    await panel(page).getByRole('button', { name: '+ Target' }).click();
    await expect.poll(() => editor().getAttribute('aria-label')).toBe('Lesion T2');
    await expect.poll(() => editor().getByRole('status').textContent()).toContain('Which organ or site is T2 in?');
    await expect.poll(() => panel(page).getByTestId('sum-warning').textContent()).toContain('The baseline sum leaves out T2: no measurement at baseline');
    await editor().getByLabel('Organ or site').selectOption('liver');
    await expect.poll(() => editor().getByRole('status').count()).toBe(0);
    await editor().getByLabel('Location').fill('segment VIII');
    await editor().getByLabel('Location').press('Enter');
    const organ = lesionRow(page, 'T2').locator('.lesion-table__organ');
    await expect.poll(() => organ.textContent()).toBe('liver · segment VIII');
    // "liver · segment VIII" in at most two lines (it took four in a 55 px column).
    const lines = await organ.evaluate((el) => el.getBoundingClientRect().height / (1.25 * parseFloat(getComputedStyle(el).fontSize)));
    expect(lines).toBeLessThanOrEqual(2);
    expect((await organ.boundingBox())?.width).toBeGreaterThanOrEqual(110);
  });

  it('titles a non-target by what it is, not by a long axis', async () => {
    await lesionRow(page, 'NT1').getByRole('button').first().click();
    await expect.poll(() => editor().getAttribute('aria-label')).toBe('Lesion NT1');
    expect(await editor().getByRole('heading').textContent()).toBe('NT1 Non-target');
  });

  it('once the target is deleted, the sum line has nothing left out', async () => {
    await lesionRow(page, 'T2').getByRole('button').first().click();
    await expect.poll(() => editor().getAttribute('aria-label')).toBe('Lesion T2');
    await editor().getByRole('button', { name: 'Delete lesion' }).click();
    await expect.poll(() => lesionRow(page, 'T2').count()).toBe(0);
    expect(await panel(page).getByTestId('sum-warning').count()).toBe(0);
  });
});

describe('after a reload', () => {
  const followUpTitle = () => pane(page, FOLLOW_UP).getByTestId('pane-title').textContent();
  async function reload() {
    await page.reload();
    await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
    await panel(page).waitFor({ timeout: 30_000 });
  }

  it('opens on the follow-up the reader chose last', async () => {
    await page.getByTestId('follow-up-select').selectOption({ label: '6-month follow-up' });
    await expect.poll(followUpTitle, { timeout: 20_000 }).toBe('6-month follow-up');
    await reload();
    await expect.poll(followUpTitle, { timeout: 20_000 }).toBe('6-month follow-up');
    expect(await panel(page).getByRole('heading', { name: /^Lesions/ }).textContent()).toContain('reading Follow-up 2');
  });

  it('with no choice kept, opens on the first follow-up not signed off', async () => {
    await page.getByTestId('follow-up-select').selectOption({ label: '3-month follow-up' });
    await expect.poll(followUpTitle, { timeout: 20_000 }).toBe('3-month follow-up');
    await panel(page).getByLabel('Reader').fill('Dr Test');
    await panel(page).getByRole('button', { name: 'Sign off Follow-up 1' }).click();
    // The sign-off bar's status (the notice that says the same goes after a few seconds, or not, under load).
    await expect.poll(() => panel(page).locator('.sign-off[role="status"]', { hasText: 'Follow-up 1 signed off by Dr Test' }).count()).toBe(1);
    // A browser that kept no choice (another tab's reader, storage cleared): the record decides.
    await page.evaluate(() => { for (const key of Object.keys(localStorage)) if (key.startsWith('recist-reader:follow-up-being-read')) localStorage.removeItem(key); });
    await reload();
    await expect.poll(followUpTitle, { timeout: 20_000 }).toBe('6-month follow-up');
  });
});

describe('the PACS panel', () => {
  it('folds its search away for a workstation without a PACS, and stays folded after a reload', async () => {
    const pacs = page.getByTestId('pacs-panel');
    const fold = pacs.getByRole('button', { name: 'PACS', exact: true });
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await fold.click();
    await expect.poll(() => pacs.getByLabel('Patient ID').count()).toBe(0);
    await page.reload();
    await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('pacs-panel').getByRole('button', { name: 'PACS', exact: true }).getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('pacs-panel').getByLabel('Patient ID').count()).toBe(0);
    await page.getByTestId('pacs-panel').getByRole('button', { name: 'PACS', exact: true }).click();
    await expect.poll(() => page.getByTestId('pacs-panel').getByLabel('Patient ID').count()).toBe(1);
  });
});
