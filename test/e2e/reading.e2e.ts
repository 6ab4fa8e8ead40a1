// The reading viewer end to end: baseline and follow-up side by side, scrolling, window presets and drags, zoom and
// pan, reset, linked scrolling, the follow-up choice and the help panel; real Vite, real Chromium.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from './browserSession';
import {
  compareZoomAbout, counter, drag, keepPaneCanvas, pane, paneCanvas, paneCanvasAfterRender, paneText, viewportBox, zoomPercent,
} from './readingHelpers';

const BASELINE = 0;
const FOLLOW_UP = 1;

let page: Page;

const text = (i: number, testId: string) => paneText(page, i, testId);
const slice = (i: number) => counter(page, i);
const button = (name: string) => page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name, exact: true });
/** Clicks the middle of a pane's image: the pane becomes active and its viewport takes the keys. */
async function activate(i: number) {
  await pane(page, i).getByTestId('viewport').click();
  await expect.poll(() => pane(page, i).getAttribute('data-active')).toBe('true');
}

browserSession({ viewport: { width: 1280, height: 800 } }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
});

describe('baseline and follow-up side by side', () => {
  it('shows two panes, each with its own time point, date and overlays, both drawn', async () => {
    expect(await pane(page, BASELINE).getByTestId('pane-title').textContent()).toBe('Baseline');
    expect(await pane(page, FOLLOW_UP).getByTestId('pane-title').textContent()).toBe('3-month follow-up');
    for (const [i, timePoint, date] of [[BASELINE, 'Baseline', '2023-01-09'], [FOLLOW_UP, '3-month follow-up', '2023-04-17']] as const) {
      await expect.poll(() => slice(i), { timeout: 20_000 }).toBe('Slice 1 / 40');
      expect(await text(i, 'patient-name')).toBe('SAMPLE, ABDOMEN');
      expect(await text(i, 'time-point')).toBe(timePoint);
      expect(await text(i, 'study-date')).toBe(date);
      expect(await text(i, 'series-description')).toBe('Abdomen 5.0 mm');
      expect(await text(i, 'pixel-spacing')).toBe('256 × 256 · 1.50 × 1.50 mm');
      expect(await text(i, 'slice-location')).toBe('Loc 100.0 mm · Thk 5.0 mm');
      await expect.poll(() => text(i, 'window-level')).toBe('WW 400 / WL 40');
      expect(await text(i, 'zoom')).toMatch(/^Zoom \d+%$/);
      const stats = await paneCanvasAfterRender(page, i, 1);
      expect(stats.greyLevels).toBeGreaterThan(48);
      expect(stats.nonBlackFraction).toBeGreaterThan(0.08);
    }
    // Side by side: the follow-up's image starts right of the baseline's.
    const [left, right] = [await viewportBox(page, BASELINE), await viewportBox(page, FOLLOW_UP)];
    expect(right.x).toBeGreaterThan(left.x + left.width - 1);
    expect(Math.abs(right.y - left.y)).toBeLessThan(1);
    // The baseline starts active, and the toolbar says so.
    expect(await pane(page, BASELINE).getAttribute('data-active')).toBe('true');
    expect(await page.getByTestId('active-pane-label').textContent()).toBe('Acting on Baseline');
  });

  it('draws nothing while the reader does nothing: cornerstone\'s per-frame loop does not run', async () => {
    // Its loop sends 'cornerstoneprerender' on every animation frame (about 60 a second per pane).
    const prerenders = await page.evaluate(() => new Promise<number>((resolve) => {
      let count = 0;
      const count1 = () => void count++;
      document.addEventListener('cornerstoneprerender', count1, true);
      setTimeout(() => {
        document.removeEventListener('cornerstoneprerender', count1, true);
        resolve(count);
      }, 1000);
    }));
    expect(prerenders).toBe(0);
  });
});

describe('scrolling', () => {
  it('starts with the panes linked (a follow-up is compared slice by slice); L unlinks them for the tests below', async () => {
    await expect.poll(() => button('Link scrolling').getAttribute('aria-pressed')).toBe('true');
    await activate(BASELINE);
    await page.keyboard.press('l');
    await expect.poll(() => button('Link scrolling').getAttribute('aria-pressed')).toBe('false');
  });

  it('the wheel scrolls the pane under the pointer, one slice per notch, and only that pane', async () => {
    const box = await viewportBox(page, FOLLOW_UP);
    await page.mouse.move(box.cx, box.cy);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 2 / 40');
    await page.mouse.wheel(0, 100);
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 3 / 40');
    await page.mouse.wheel(0, -100);
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 2 / 40');
    expect(await text(FOLLOW_UP, 'slice-location')).toBe('Loc 95.0 mm · Thk 5.0 mm');
    expect(await slice(BASELINE)).toBe('Slice 1 / 40');
  });

  it('arrows, PageDown, End and Home move the active pane', async () => {
    await activate(BASELINE);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 3 / 40');
    await page.keyboard.press('PageDown');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 7 / 40');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 6 / 40');
    await page.keyboard.press('End');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 40 / 40');
    await paneCanvasAfterRender(page, BASELINE, 40);
    await page.keyboard.press('Home');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 1 / 40');
    expect(await slice(FOLLOW_UP)).toBe('Slice 2 / 40');
  });

  it('the scrollbar shows the slice and sets it by click and drag', async () => {
    const scrollbar = pane(page, FOLLOW_UP).getByRole('slider');
    expect(await scrollbar.getAttribute('aria-valuenow')).toBe('2');
    expect(await scrollbar.getAttribute('aria-valuetext')).toBe('Slice 2 of 40, 95.0 mm');
    const box = await scrollbar.boundingBox();
    if (!box) throw new Error('scrollbar has no box');
    // The middle of the track is the middle of the stack.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => slice(FOLLOW_UP)).toMatch(/^Slice (20|21) \/ 40$/);
    // Dragging to the bottom and past it ends on the last slice; back to the top, the first.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40, { steps: 6 });
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 40 / 40');
    await page.mouse.move(box.x + box.width / 2, box.y - 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 1 / 40');
    expect(await scrollbar.getAttribute('aria-valuenow')).toBe('1');
    await paneCanvasAfterRender(page, FOLLOW_UP, 1);
  });
});

describe('window, zoom, pan, reset', () => {
  let original: string;

  it('a preset key changes the WW/WL overlay and the pixels of the active pane only', async () => {
    await activate(BASELINE);
    await page.keyboard.press('ArrowDown'); // slice 2: through the liver dome
    original = (await paneCanvasAfterRender(page, BASELINE, 2)).hash;
    const followUpBefore = (await paneCanvas(page, FOLLOW_UP)).hash;
    await page.keyboard.press('2');
    await expect.poll(() => text(BASELINE, 'window-level')).toBe('WW 150 / WL 90');
    expect((await paneCanvas(page, BASELINE)).hash).not.toBe(original);
    await expect.poll(() => button('Liver').getAttribute('aria-pressed')).toBe('true');
    expect(await text(FOLLOW_UP, 'window-level')).toBe('WW 400 / WL 40');
    expect((await paneCanvas(page, FOLLOW_UP)).hash).toBe(followUpBefore);
  });

  it('a preset button does the same, and keeps the keys in the viewport', async () => {
    await button('Lung').click();
    await expect.poll(() => text(BASELINE, 'window-level')).toBe('WW 1500 / WL -600');
    await expect.poll(() => button('Lung').getAttribute('aria-pressed')).toBe('true');
    expect(await button('Liver').getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 3 / 40');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 2 / 40');
  });

  it('a left-drag sets the window: 200 px right doubles the width, 100 px down raises the level by a quarter width', async () => {
    await page.keyboard.press('1');
    await expect.poll(() => text(BASELINE, 'window-level')).toBe('WW 400 / WL 40');
    const box = await viewportBox(page, BASELINE);
    await drag(page, { x: box.cx, y: box.cy }, { x: 200, y: 100 });
    await expect.poll(() => text(BASELINE, 'window-level')).toBe('WW 800 / WL 140');
    await expect.poll(() => button('Soft tissue').getAttribute('aria-pressed')).toBe('false');
  });

  it('a right-drag up zooms in about the point clicked', async () => {
    const before = await zoomPercent(page, BASELINE);
    const box = await viewportBox(page, BASELINE);
    const at = { x: box.x + 200, y: box.y + 260 };
    await page.evaluate(keepPaneCanvas, BASELINE);
    await drag(page, at, { x: 0, y: -150 }, { button: 'right' });
    await expect.poll(() => zoomPercent(page, BASELINE)).toBeCloseTo(2 * before, -1);
    await paneCanvas(page, BASELINE);
    const centre = { x: at.x - box.x, y: at.y - box.y };
    const aboutPointer = await page.evaluate(compareZoomAbout, { index: BASELINE, centre, factor: 2 });
    const aboutMiddle = await page.evaluate(compareZoomAbout, { index: BASELINE, centre: { x: box.width / 2, y: box.height / 2 }, factor: 2 });
    expect(aboutPointer).toBeLessThan(12);
    expect(aboutMiddle).toBeGreaterThan(3 * aboutPointer);
  });

  it('Ctrl+wheel zooms about the pointer', async () => {
    const before = await zoomPercent(page, BASELINE);
    const box = await viewportBox(page, BASELINE);
    // Off-centre, inside this pane whatever its width.
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 300);
    await page.keyboard.up('Control');
    await expect.poll(() => zoomPercent(page, BASELINE)).toBeCloseTo(before / 2, -1);
    expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
  });

  it('a middle-drag and a Shift+left-drag pan: the picture moves, the zoom and window stay', async () => {
    const zoom = await text(BASELINE, 'zoom');
    const box = await viewportBox(page, BASELINE);
    let previous = (await paneCanvas(page, BASELINE)).hash;
    await drag(page, { x: box.cx, y: box.cy }, { x: 60, y: -40 }, { button: 'middle' });
    await expect.poll(async () => (await paneCanvas(page, BASELINE)).hash).not.toBe(previous);
    previous = (await paneCanvas(page, BASELINE)).hash;
    await drag(page, { x: box.cx, y: box.cy }, { x: -30, y: 20 }, { shift: true });
    await expect.poll(async () => (await paneCanvas(page, BASELINE)).hash).not.toBe(previous);
    expect(await text(BASELINE, 'zoom')).toBe(zoom);
    expect(await text(BASELINE, 'window-level')).toBe('WW 800 / WL 140');
  });

  it('invert toggles and is marked in the overlay and on the toolbar', async () => {
    const before = (await paneCanvas(page, BASELINE)).hash;
    await page.keyboard.press('i');
    await expect.poll(() => text(BASELINE, 'display-flags')).toBe('Inverted');
    await expect.poll(() => button('Invert').getAttribute('aria-pressed')).toBe('true');
    expect((await paneCanvas(page, BASELINE)).hash).not.toBe(before);
  });

  it('R resets to the file window, fitted and not inverted: the very picture it opened with', async () => {
    await page.keyboard.press('r');
    await expect.poll(() => text(BASELINE, 'window-level')).toBe('WW 400 / WL 40');
    expect(await pane(page, BASELINE).getByTestId('display-flags').count()).toBe(0);
    await expect.poll(() => button('Invert').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await paneCanvas(page, BASELINE)).hash).toBe(original);
  });

  it('F fits after a zoom, keeping the window', async () => {
    const fitted = await zoomPercent(page, BASELINE);
    await page.keyboard.press('2');
    const box = await viewportBox(page, BASELINE);
    await drag(page, { x: box.cx, y: box.cy }, { x: 0, y: -100 }, { button: 'right' });
    await expect.poll(() => zoomPercent(page, BASELINE)).toBeGreaterThan(fitted);
    await button('Fit').click();
    await expect.poll(() => zoomPercent(page, BASELINE)).toBe(fitted);
    expect(await text(BASELINE, 'window-level')).toBe('WW 150 / WL 90');
    await page.keyboard.press('r');
    await expect.poll(() => text(BASELINE, 'window-level')).toBe('WW 400 / WL 40');
  });
});

describe('linked scrolling', () => {
  it('keeps the offset between the panes that existed when it was switched on', async () => {
    // Align: baseline at slice 1 (100 mm), follow-up at slice 5 (80 mm); then link.
    await activate(BASELINE);
    await page.keyboard.press('Home');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 1 / 40');
    await activate(FOLLOW_UP);
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 5 / 40');
    await page.keyboard.press('l');
    await expect.poll(() => button('Link scrolling').getAttribute('aria-pressed')).toBe('true');

    // Baseline 3 slices down (85 mm): the follow-up goes to 85 - 20 = 65 mm, its slice 8.
    await activate(BASELINE);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 4 / 40');
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 8 / 40');
    expect(await text(FOLLOW_UP, 'slice-location')).toBe('Loc 65.0 mm · Thk 5.0 mm');
    await paneCanvasAfterRender(page, FOLLOW_UP, 8);

    // And the other way: the wheel on the follow-up moves the baseline.
    const box = await viewportBox(page, FOLLOW_UP);
    await page.mouse.move(box.cx, box.cy);
    await page.mouse.wheel(0, 100);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 10 / 40');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 6 / 40');
    expect(await text(BASELINE, 'slice-location')).toBe('Loc 75.0 mm · Thk 5.0 mm');

    // The scrollbar is a scroll like any other.
    const scrollbar = pane(page, BASELINE).getByRole('slider');
    await scrollbar.press('End');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 40 / 40');
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 40 / 40');
  });

  it('unlinked again, each pane scrolls alone', async () => {
    await page.keyboard.press('l');
    await expect.poll(() => button('Link scrolling').getAttribute('aria-pressed')).toBe('false');
    await activate(BASELINE);
    await page.keyboard.press('Home');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 1 / 40');
    expect(await slice(FOLLOW_UP)).toBe('Slice 40 / 40');
  });
});

describe('the follow-up choice', () => {
  it('shows the chosen follow-up in the right pane, from slice 1, the baseline untouched', async () => {
    await page.getByTestId('follow-up-select').selectOption({ label: '6-month follow-up' });
    await expect.poll(() => pane(page, FOLLOW_UP).getByTestId('pane-title').textContent(), { timeout: 20_000 }).toBe('6-month follow-up');
    expect(await text(FOLLOW_UP, 'study-date')).toBe('2023-07-17');
    expect(await text(FOLLOW_UP, 'time-point')).toBe('6-month follow-up');
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 1 / 40');
    await paneCanvasAfterRender(page, FOLLOW_UP, 1);
    expect(await pane(page, BASELINE).getByTestId('pane-title').textContent()).toBe('Baseline');
  });

  it('while linked, the newly chosen follow-up opens at the baseline\'s slice position and follows it', async () => {
    await activate(BASELINE);
    await page.keyboard.press('Home');
    for (let i = 1; i < 12; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 12 / 40');
    await page.keyboard.press('l');
    await expect.poll(() => button('Link scrolling').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('follow-up-select').selectOption({ label: '3-month follow-up' });
    await expect.poll(() => pane(page, FOLLOW_UP).getByTestId('pane-title').textContent(), { timeout: 20_000 }).toBe('3-month follow-up');
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 12 / 40');
    expect(await text(FOLLOW_UP, 'slice-location')).toBe('Loc 45.0 mm · Thk 5.0 mm');
    await activate(BASELINE);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => slice(FOLLOW_UP)).toBe('Slice 13 / 40');
    await page.keyboard.press('l');
    await expect.poll(() => button('Link scrolling').getAttribute('aria-pressed')).toBe('false');
  });
});

describe('help', () => {
  it('opens with "?", lists every shortcut and mouse action, and closes with Escape', async () => {
    await activate(BASELINE);
    await page.keyboard.press('Home');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 1 / 40');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard and mouse' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const content = (await dialog.textContent()) ?? '';
    for (const phrase of [
      'Soft tissue window (WW 400 / WL 40)', 'Liver window (WW 150 / WL 90)', 'Lung window (WW 1500 / WL -600)',
      'Bone window (WW 1800 / WL 400)', 'Brain window (WW 80 / WL 40)', 'Fit the image', 'Reset', 'Invert', 'Link scrolling',
      'Previous / next slice', 'Left-drag', 'Right-drag', 'Ctrl + wheel', 'Middle-drag or Shift + left-drag',
      'Next lesion', 'Undo the last change to the record', 'Redo',
    ]) expect(content).toContain(phrase);
    // While it is open, the viewer's keys are off.
    await page.keyboard.press('2');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await text(BASELINE, 'window-level')).toBe('WW 400 / WL 40');
    // The keys work again, on the viewport that had the focus.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => slice(BASELINE)).toBe('Slice 2 / 40');
  });

  it('opens from the toolbar too, and H is the same key', async () => {
    await button('Help').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // At once, several times: a key pressed the moment the panel has closed must open it again.
    for (let round = 0; round < 5; round++) {
      await page.keyboard.press('h');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
  });
});

describe('the study column', () => {
  const canvasWidth = () => page.evaluate(() =>
    document.querySelector<HTMLCanvasElement>('[data-testid="pane"] [data-testid="viewport"] canvas')?.width ?? 0);

  it('folds to a strip: the panes take its width and are drawn again at their new size; it stays folded on reload', async () => {
    const before = await viewportBox(page, BASELINE);
    const canvasBefore = await canvasWidth();
    await page.getByRole('button', { name: 'Hide studies' }).click();
    expect(await page.getByTestId('study-browser').count()).toBe(0);
    await expect.poll(async () => (await viewportBox(page, BASELINE)).width).toBeGreaterThan(before.width + 100);
    await expect.poll(canvasWidth).toBeGreaterThan(canvasBefore + 100);
    const stats = await paneCanvas(page, BASELINE);
    expect(stats.greyLevels).toBeGreaterThan(48);
    expect(stats.nonBlackFraction).toBeGreaterThan(0.08);

    await page.reload();
    await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('study-browser').count()).toBe(0);
    await page.getByRole('button', { name: 'Show studies' }).click();
    expect(await page.getByTestId('study-browser').count()).toBe(1);
    await expect.poll(async () => Math.round((await viewportBox(page, BASELINE)).width)).toBe(Math.round(before.width));
  });
});
