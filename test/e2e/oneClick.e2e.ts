// Click to measure (issue 21), end to end on the sample patient in real Chromium: the baseline targets measured
// with clicks only (C, one click inside each lesion, Enter), the follow-ups with Suggest (S or the record column's
// button, Enter) and a click for the new lesion; the responses shown are the sample's ground truth (PR at 3 months,
// PD at 6). Esc discards a proposal, a handle of one is dragged and a click elsewhere accepts it (undone and redone
// like a drawing), and a click on normal tissue says in words that no lesion could be separated, drawing nothing.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from './browserSession';
import { dragBetween, goToSlice, pagePoint, PIXEL_MM, study, type TruthLesion } from './measureHelpers';
import { counter, pane } from './readingHelpers';
import { addLesion, lesionRow, overall, panel } from './recordHelpers';

const BASELINE = 0;
const FOLLOW_UP = 1;

let page: Page;

browserSession({ viewport: { width: 1600, height: 1000 }, acceptDialogs: true }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
  await panel(page).waitFor({ timeout: 30_000 });
});

interface TruthWithCentre extends TruthLesion {
  readonly centreMm: { readonly x: number; readonly y: number; readonly z: number };
}
const lesionsOf = (key: string) => study(key).lesions as TruthWithCentre[];
const status = () => page.getByTestId('one-click-status');
const proposal = (i: number) => pane(page, i).getByTestId('proposal');
const clickToMeasure = () => page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name: 'Click to measure' });

/** The millimetres a lesion's cell shows ("32.7 mm", "17.8 mm SA"). */
async function cellMm(label: string, column: 'baseline' | 'reading'): Promise<number> {
  const text = (await lesionRow(page, label).locator(`td[data-column="${column}"]`).textContent()) ?? '';
  const m = /(\d+\.\d) mm/.exec(text);
  return m ? Number(m[1]) : NaN;
}

/** Click to measure chosen (C, unless it is already: C again would leave it). */
async function chooseClickToMeasure() {
  if ((await clickToMeasure().getAttribute('aria-pressed')) !== 'true') await page.keyboard.press('c');
  await expect.poll(() => clickToMeasure().getAttribute('aria-pressed')).toBe('true');
}

/** Shows the slice fitted in pane i, and clicks once at (x, y) in patient mm. */
async function clickAt(i: number, slice: number, at: [number, number]) {
  await goToSlice(page, i, slice);
  await page.keyboard.press('f');
  await chooseClickToMeasure();
  const point = await pagePoint(page, i, at);
  await page.mouse.click(point.x, point.y);
}

describe('click to measure', () => {
  it('is a toolbar button and key C, listed in the help with S (Suggest) and Enter', async () => {
    await clickToMeasure().click();
    await expect.poll(() => clickToMeasure().getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('c');
    await expect.poll(() => clickToMeasure().getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('?');
    const help = page.getByTestId('help-panel');
    await expect.poll(() => help.isVisible()).toBe(true);
    const row = (key: string) => help.locator('tr').filter({ has: page.locator('kbd', { hasText: new RegExp(`^${key}$`) }) }).textContent();
    expect(await row('C')).toContain('Click to measure');
    expect(await row('S')).toContain('Suggest');
    expect(await row('Enter')).toContain('Accept the proposed measurement');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
  });

  it('a click on normal tissue says no lesion could be separated, and what to do; nothing is drawn', async () => {
    const t1 = lesionsOf('baseline').find((l) => l.id === 'T1') as TruthWithCentre;
    // Liver 40 mm behind T1: no lesion there.
    await clickAt(BASELINE, t1.instanceNumber, [t1.centreMm.x, t1.centreMm.y + 40]);
    await expect.poll(() => status().textContent()).toContain('No lesion could be separated here');
    expect(await status().textContent()).toContain('click inside the lesion, or draw it by hand (B)');
    expect(await status().getAttribute('class')).toContain('one-click-status--error');
    expect(await proposal(BASELINE).count()).toBe(0);
  });

  it('measures each baseline target with one click and Enter, within two pixels of the truth', async () => {
    for (const lesion of lesionsOf('baseline').filter((l) => l.role === 'target')) {
      await addLesion(page, '+ Target', lesion.organ, lesion.location);
      await clickAt(BASELINE, lesion.instanceNumber, [lesion.centreMm.x, lesion.centreMm.y]);
      await proposal(BASELINE).waitFor();
      expect(await proposal(BASELINE).getByTestId('proposal-outline').count()).toBe(1);
      expect(await status().textContent()).toMatch(new RegExp(`^Proposed for ${lesion.id}: \\d+\\.\\d × \\d+\\.\\d mm\\. Enter accepts it`));
      await page.keyboard.press('Enter');
      await expect.poll(() => cellMm(lesion.id, 'baseline')).toBeGreaterThan(0);
      expect(await proposal(BASELINE).count()).toBe(0);
      expect(Math.abs((await cellMm(lesion.id, 'baseline')) - lesion.recistDiameterMm), lesion.id).toBeLessThanOrEqual(2 * PIXEL_MM);
    }
    // The node is measured by its short axis, as a drawn bidirectional measurement of a node is.
    expect(await lesionRow(page, 'T3').locator('td[data-column="baseline"]').textContent()).toContain('SA');
    const nonTarget = lesionsOf('baseline').find((l) => l.role === 'non-target') as TruthWithCentre;
    await addLesion(page, '+ Non-target', nonTarget.organ, nonTarget.location);
    const sum = Number(await panel(page).locator('tr[data-timepoint="Baseline"] td[data-cell="sum"]').textContent());
    expect(Math.abs(sum - 86)).toBeLessThanOrEqual(3);
  });

  it('the click to outline round trip is marked in the page (the bench reads it)', async () => {
    const marks = await page.evaluate(() => performance.getEntriesByName('recist:one-click').map((e) => e.duration));
    // Five clicks so far: the refusal and the four targets.
    expect(marks.length).toBe(5);
    expect(marks.every((d) => d > 0)).toBe(true);
  });
});

describe('Suggest at the follow-ups', () => {
  it('Esc discards a suggestion: nothing is recorded', async () => {
    await lesionRow(page, 'T1').getByRole('button').first().click();
    await page.keyboard.press('s');
    await proposal(FOLLOW_UP).waitFor({ timeout: 20_000 });
    expect(await status().textContent()).toMatch(/^Suggested for T1: /);
    await page.keyboard.press('Escape');
    await expect.poll(() => proposal(FOLLOW_UP).count()).toBe(0);
    expect(await status().count()).toBe(0);
    expect(await cellMm('T1', 'reading')).toBeNaN();
    // The tool stays, to click again.
    expect(await clickToMeasure().getAttribute('aria-pressed')).toBe('true');
  });

  it('a suggestion is for its slice: scrolling away drops it', async () => {
    await page.keyboard.press('s');
    await proposal(FOLLOW_UP).waitFor({ timeout: 20_000 });
    // The pane with the suggestion has the focus: the arrow scrolls it.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => proposal(FOLLOW_UP).count()).toBe(0);
    expect(await status().count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await cellMm('T1', 'reading')).toBeNaN();
  });

  it('at 3 months, Suggest finds each target at its baseline place and Enter records it: PR', async () => {
    for (const lesion of lesionsOf('followup-3m').filter((l) => l.role === 'target')) {
      await lesionRow(page, lesion.id).getByRole('button').first().click();
      await page.keyboard.press('s');
      await expect.poll(() => proposal(FOLLOW_UP).count(), { timeout: 20_000, message: `${lesion.id}: ${await status().textContent().catch(() => '')}` }).toBe(1);
      await expect.poll(() => counter(page, FOLLOW_UP)).toBe(`Slice ${lesion.instanceNumber} / 40`);
      await page.keyboard.press('Enter');
      await expect.poll(() => cellMm(lesion.id, 'reading')).toBeGreaterThan(0);
      expect(Math.abs((await cellMm(lesion.id, 'reading')) - lesion.recistDiameterMm), lesion.id).toBeLessThanOrEqual(2 * PIXEL_MM);
    }
    await panel(page).getByLabel('NT1 at Follow-up 1').selectOption('present');
    await expect.poll(() => overall(page, 'Follow-up 1')).toBe('PR');
  });

  it('at 6 months, Suggest for the targets and a click for the new lesion: PD', async () => {
    await pane(page, FOLLOW_UP).getByLabel('Compare with').selectOption({ label: '6-month follow-up' });
    await expect.poll(() => panel(page).getByRole('heading', { name: /Lesions/ }).textContent()).toContain('Follow-up 2');
    for (const lesion of lesionsOf('followup-6m').filter((l) => l.role === 'target')) {
      await lesionRow(page, lesion.id).getByRole('button').first().click();
      // The record column's button this time (S above): the pane with the suggestion takes the focus, so Enter is its.
      await panel(page).getByRole('button', { name: 'Suggest', exact: true }).click();
      await proposal(FOLLOW_UP).waitFor({ timeout: 20_000 });
      await page.keyboard.press('Enter');
      await expect.poll(() => cellMm(lesion.id, 'reading')).toBeGreaterThan(0);
      expect(Math.abs((await cellMm(lesion.id, 'reading')) - lesion.recistDiameterMm), lesion.id).toBeLessThanOrEqual(2 * PIXEL_MM);
    }
    await panel(page).getByLabel('NT1 at Follow-up 2').selectOption('present');
    const fresh = lesionsOf('followup-6m').find((l) => l.role === 'new') as TruthWithCentre;
    await addLesion(page, '+ New lesion', fresh.organ, fresh.location);
    await clickAt(FOLLOW_UP, fresh.instanceNumber, [fresh.centreMm.x, fresh.centreMm.y]);
    await proposal(FOLLOW_UP).waitFor();
    expect(await status().textContent()).toMatch(/^Proposed for N1: /);
    // Its long axis' end is dragged 6 screen pixels outwards (a handle moves as a drawn measurement's does); then a
    // click well away from it accepts it.
    const handle = proposal(FOLLOW_UP).locator('circle[data-handle="longEnd"]');
    const start = proposal(FOLLOW_UP).locator('circle[data-handle="longStart"]');
    const centre = async (l: typeof handle) => {
      const box = await l.boundingBox();
      if (!box) throw new Error('handle not drawn');
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const [from, other] = [await centre(handle), await centre(start)];
    const away = Math.hypot(from.x - other.x, from.y - other.y);
    const to = { x: from.x + (6 * (from.x - other.x)) / away, y: from.y + (6 * (from.y - other.y)) / away };
    const before = await proposal(FOLLOW_UP).getByTestId('proposal-label').textContent();
    await dragBetween(page, from, to);
    await expect.poll(() => proposal(FOLLOW_UP).getByTestId('proposal-label').textContent()).not.toBe(before);
    const adjusted = /(\d+\.\d) × (\d+\.\d) mm/.exec((await proposal(FOLLOW_UP).getByTestId('proposal-label').textContent()) ?? '');
    expect(Number(adjusted?.[1])).toBeGreaterThan(Number(/(\d+\.\d) ×/.exec(before ?? '')?.[1]));
    expect(await status().textContent()).toContain(`${adjusted?.[1]} × ${adjusted?.[2]} mm`);
    const elsewhere = await pagePoint(page, FOLLOW_UP, [fresh.centreMm.x + 60, fresh.centreMm.y + 60]);
    await page.mouse.click(elsewhere.x, elsewhere.y);
    await expect.poll(() => lesionRow(page, 'N1').locator('td[data-column="reading"]').textContent()).toContain('unequivocal');
    expect(await proposal(FOLLOW_UP).count()).toBe(0);
    // Recorded as drawn: with the lengths as adjusted, and undone and redone like a drawing.
    const n1 = pane(page, FOLLOW_UP).getByTestId('measurement-label').filter({ hasText: /^N1 / });
    await expect.poll(() => n1.textContent()).toBe(`N1 ${adjusted?.[1]} × ${adjusted?.[2]} mm`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => n1.count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => n1.count()).toBe(1);
    await expect.poll(() => overall(page, 'Follow-up 2')).toBe('PD');
    expect(await overall(page, 'Follow-up 1')).toBe('PR');
  });
});
