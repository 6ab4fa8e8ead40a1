// Measuring in the viewer, end to end in real Chromium. Two parts:
// 1. The app as it opens (the embedded sample): the tool buttons and keys, the cursor attribute, a drawing shown live
//    with its length and cancelled with Escape, window/zoom/pan still working while a tool is chosen, the help.
// 2. The ComparisonViewer alone on a page of its own (served by the same Vite server), with synthetic slices of
//    non-square pixels and one uncalibrated series, and a stand-in for the app that records the callbacks and passes
//    shapes back: what is drawn, edited, selected, deleted, refused and revealed, and that the lines stay on the image
//    through zoom, pan, window and scrolling.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSession } from './browserSession';
import { drag, pane, paneText, viewportBox, zoomPercent } from './readingHelpers';

let page: Page;

const viewport = (i: number) => pane(page, i).getByTestId('viewport');
const toolOf = (i: number) => viewport(i).getAttribute('data-tool');
const button = (name: string) => page.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name, exact: true });
const round = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) });
const drawingLabel = (i: number) => pane(page, i).getByTestId('measurement-drawing').getByTestId('measurement-label');

browserSession({ viewport: { width: 1280, height: 800 } }, async (session) => {
  page = session.page;
  await page.goto(inject('baseUrl'));
  await page.getByTestId('pane').nth(1).waitFor({ timeout: 30_000 });
});

describe('in the app: choosing a tool', () => {
  it('the toolbar buttons set the tool of both viewports, pressed like toggles', async () => {
    await expect.poll(() => viewport(0).getAttribute('data-rendered-slice'), { timeout: 20_000 }).toBe('1');
    expect(await toolOf(0)).toBe('windowLevel');
    expect(await button('Window/level').getAttribute('aria-pressed')).toBe('true');
    await button('Long axis').click();
    await expect.poll(() => toolOf(0)).toBe('long-axis');
    expect(await toolOf(1)).toBe('long-axis');
    expect(await button('Long axis').getAttribute('aria-pressed')).toBe('true');
    expect(await button('Window/level').getAttribute('aria-pressed')).toBe('false');
    await button('Bidirectional').click();
    await expect.poll(() => toolOf(1)).toBe('bidirectional');
    expect(await button('Long axis').getAttribute('aria-pressed')).toBe('false');
    // The pressed tool's button again: back to window/level.
    await button('Bidirectional').click();
    await expect.poll(() => toolOf(0)).toBe('windowLevel');
  });

  it('M, B and W choose; the active tool\'s key again and Escape go back to window/level', async () => {
    await viewport(0).click();
    await page.keyboard.press('m');
    await expect.poll(() => toolOf(0)).toBe('long-axis');
    await page.keyboard.press('m');
    await expect.poll(() => toolOf(0)).toBe('windowLevel');
    await page.keyboard.press('b');
    await expect.poll(() => toolOf(0)).toBe('bidirectional');
    await page.keyboard.press('w');
    await expect.poll(() => toolOf(0)).toBe('windowLevel');
    await page.keyboard.press('m');
    await expect.poll(() => toolOf(1)).toBe('long-axis');
    await page.keyboard.press('Escape');
    await expect.poll(() => toolOf(1)).toBe('windowLevel');
  });
});

describe('in the app: measuring does not disturb the view tools', () => {
  it('a left-drag with a measuring tool draws live, with its length in mm, and leaves the window alone', async () => {
    await page.keyboard.press('m');
    const windowBefore = await paneText(page, 0, 'window-level');
    const box = await viewportBox(page, 0);
    const from = round({ x: box.x + box.width * 0.3, y: box.y + box.height * 0.45 });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 100, from.y, { steps: 6 });
    // 100 screen px on 1.5 mm pixels at the zoom shown.
    const expectedMm = (100 * 1.5) / ((await zoomPercent(page, 0)) / 100);
    await expect.poll(() => drawingLabel(0).count()).toBe(1);
    const mm = Number(/^(\d+\.\d) mm$/.exec((await drawingLabel(0).textContent()) ?? '')?.[1]);
    expect(Math.abs(mm - expectedMm) / expectedMm).toBeLessThan(0.01);
    // Escape drops the drawing (nothing is reported when the button comes up), and the tool stays.
    await page.keyboard.press('Escape');
    await expect.poll(() => pane(page, 0).getByTestId('measurement-drawing').count()).toBe(0);
    await page.mouse.up();
    expect(await toolOf(0)).toBe('long-axis');
    expect(await paneText(page, 0, 'window-level')).toBe(windowBefore);
    expect(await pane(page, 0).getByTestId('measurement').count()).toBe(0);
  });

  it('a click without a drag draws nothing', async () => {
    const box = await viewportBox(page, 0);
    await page.mouse.click(Math.round(box.cx), Math.round(box.cy));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await pane(page, 0).getByTestId('measurement-drawing').count()).toBe(0);
    expect(await toolOf(0)).toBe('long-axis');
  });

  it('right-drag zooms and Shift+left-drag pans while a measuring tool is chosen', async () => {
    const before = await zoomPercent(page, 0);
    const windowBefore = await paneText(page, 0, 'window-level');
    const box = await viewportBox(page, 0);
    await drag(page, { x: box.cx, y: box.cy }, { x: 0, y: -150 }, { button: 'right' });
    await expect.poll(() => zoomPercent(page, 0)).toBeCloseTo(2 * before, -1);
    await drag(page, { x: box.cx, y: box.cy }, { x: 40, y: 10 }, { shift: true });
    expect(await pane(page, 0).getByTestId('measurement-drawing').count()).toBe(0);
    expect(await paneText(page, 0, 'window-level')).toBe(windowBefore);
    expect(await toolOf(0)).toBe('long-axis');
    await page.keyboard.press('r');
    await page.keyboard.press('w');
    await expect.poll(() => toolOf(0)).toBe('windowLevel');
  });

  it('the help lists the measuring keys and gestures', async () => {
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard and mouse' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const content = (await dialog.textContent()) ?? '';
    for (const phrase of [
      'Long axis: measure', 'Bidirectional: long axis', 'Window/level with the left button', 'Delete the selected measurement',
      'Cancel the measurement being drawn', 'Left-drag on a handle', 'Click on a measurement',
    ]) expect(content).toContain(phrase);
    const keys = await dialog.locator('kbd').allTextContents();
    for (const key of ['M', 'B', 'W', 'Del', 'Esc']) expect(keys).toContain(key);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

// ---- The viewer alone, with a stand-in app ----

/** Pane keys and titles of the harness, left to right. */
const CAL = 0;
const UNCAL = 1;
/** Rows 1.0 mm apart, columns 0.5 mm: the display stretches rows twice, so a right angle on screen is one in mm. */
const SPACING = { row: 1.0, column: 0.5 };

/**
 * Runs in the page as a module. Vite serves and transforms our sources; React comes from Vite's pre-bundled copy,
 * at the very URL the app's entry imports it from, so the viewer and this script share one React.
 */
const HARNESS = String.raw`
const entry = await (await fetch('/src/app/main.tsx')).text();
const dep = (name) => {
  const match = entry.match(new RegExp('"(/[^"]*/deps/' + name + '\\.js\\?v=[^"]+)"'));
  if (!match) throw new Error('harness: no ' + name + ' import in the app entry');
  return match[1];
};
const interop = (m) => m.default ?? m;
const React = interop(await import(dep('react')));
const { createRoot } = interop(await import(dep('react-dom_client')));
await import('/src/ui/theme.css');
const { ComparisonViewer } = await import('/src/ui/viewer/ComparisonViewer.tsx');
const { decodedPixels } = await import('/src/dicom/slicePixels.ts');

const ROWS = 96, COLUMNS = 128;
function slice(seriesUid, i, spacing) {
  const pixels = new Int16Array(ROWS * COLUMNS);
  let minStored = Infinity, maxStored = -Infinity;
  for (let y = 0; y < ROWS; y++) {
    for (let x = 0; x < COLUMNS; x++) {
      // Air, a soft-tissue disc 60 mm across (round in mm, so oval in pixels), bright lines every 16 pixels.
      const mmX = (x + 0.5 - COLUMNS / 2) * 0.5, mmY = (y + 0.5 - ROWS / 2) * 1.0;
      let hu = Math.hypot(mmX, mmY) < 30 ? 40 + 10 * i : -1000;
      if (x % 16 === 0 || y % 16 === 0) hu = 600;
      pixels[y * COLUMNS + x] = hu + 1024;
      minStored = Math.min(minStored, hu + 1024);
      maxStored = Math.max(maxStored, hu + 1024);
    }
  }
  return {
    file: 'synthetic/' + seriesUid + '/' + i, patient: { id: 'SYN-1', name: 'SYNTHETIC^PHANTOM' },
    studyInstanceUid: '9.9', seriesInstanceUid: seriesUid, sopInstanceUid: seriesUid + '.' + (i + 1), frameNumber: 1,
    numberOfFrames: 1, studyDate: '2024-01-01', studyDescription: 'SYNTHETIC', seriesDescription: 'Synthetic', seriesNumber: 1,
    modality: 'CT', instanceNumber: i + 1, rows: ROWS, columns: COLUMNS,
    calibration: spacing ? { kind: 'pixel-spacing', rowMm: spacing.row, columnMm: spacing.column } : { kind: 'uncalibrated' },
    pixelSpacingMm: spacing, sliceThicknessMm: 5, imagePositionPatientMm: [0, 0, -5 * i],
    imageOrientationPatient: { row: [1, 0, 0], column: [0, 1, 0] }, rescale: { slope: 1, intercept: -1024 },
    window: { centre: 40, width: 400 }, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 'signed', samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2', pixelPadding: undefined, transferSyntaxUid: '1.2.840.10008.1.2.1',
    pixels: decodedPixels({ kind: 'greyscale', pixels, minStored, maxStored }),
  };
}
const series = (uid, spacing) => ({
  seriesInstanceUid: uid, studyInstanceUid: '9.9', description: 'Synthetic', seriesNumber: 1, modality: 'CT',
  slices: [0, 1, 2].map((i) => slice(uid, i, spacing)), orderedBy: 'imagePosition',
});
const calibrated = series('9.9.1', ${JSON.stringify(SPACING)});
const uncalibrated = series('9.9.2', undefined);
const panes = [
  { key: 'cal', series: calibrated, title: 'Calibrated', timePoint: 'Baseline' },
  { key: 'uncal', series: uncalibrated, title: 'Uncalibrated' },
];
const events = [];
const harness = {
  events,
  slices: { cal: calibrated.slices.map((s) => s.sopInstanceUid), uncal: uncalibrated.slices.map((s) => s.sopInstanceUid) },
  setMeasurements: undefined,
  reveal: undefined,
};
function Harness() {
  const [measurements, setMeasurements] = React.useState(new Map());
  const viewer = React.useRef(null);
  React.useEffect(() => {
    harness.setMeasurements = (entries) => setMeasurements(new Map(entries));
    harness.reveal = (paneKey, image, centre) => viewer.current.reveal(paneKey, image, centre);
  }, []);
  return React.createElement('div', { style: { position: 'fixed', inset: 0, display: 'flex' } },
    React.createElement(ComparisonViewer, {
      ref: viewer, panes, measurements,
      onMeasurementDrawn: (paneKey, d) => events.push({
        type: 'drawn', paneKey, tool: d.tool, longAxis: d.longAxis, shortAxis: d.shortAxis,
        sopInstanceUid: d.slice.sopInstanceUid, frameNumber: d.slice.frameNumber,
      }),
      onMeasurementEdited: (paneKey, id, axes) => events.push({ type: 'edited', paneKey, id, longAxis: axes.longAxis, shortAxis: axes.shortAxis }),
      onMeasurementSelected: (id) => events.push({ type: 'selected', id }),
      onMeasurementDeleteRequested: (id) => events.push({ type: 'delete', id }),
      onMeasureRefused: (paneKey, s) => events.push({ type: 'refused', paneKey, sopInstanceUid: s.sopInstanceUid }),
    }));
}
document.body.replaceChildren();
const root = document.createElement('div');
document.body.append(root);
createRoot(root).render(React.createElement(Harness));
window.harness = harness;
`;

interface Point { x: number; y: number }
interface Segment { start: Point; end: Point }
interface HarnessEvent {
  type: 'drawn' | 'edited' | 'selected' | 'delete' | 'refused';
  paneKey?: string;
  id?: string;
  tool?: string;
  longAxis: Segment;
  shortAxis?: Segment;
  sopInstanceUid?: string;
  frameNumber?: number;
}
interface Shape {
  id: string;
  label: string;
  image: { sopInstanceUid: string; frameNumber: number };
  tool: 'long-axis' | 'bidirectional';
  longAxis: Segment;
  shortAxis?: Segment;
  pixelSpacingMm: { row: number; column: number };
  selected: boolean;
  editable: boolean;
}
interface HarnessApi {
  events: HarnessEvent[];
  slices: { cal: string[]; uncal: string[] };
  setMeasurements: (entries: [string, Shape[]][]) => void;
  reveal: (paneKey: string, image: { sopInstanceUid: string; frameNumber: number }, centre: Point) => boolean;
}
type HarnessWindow = { harness?: HarnessApi };

const takeEvents = () => page.evaluate(() => (window as unknown as HarnessWindow).harness?.events.splice(0) ?? []);
const setShapes = async (entries: [string, Shape[]][]) => {
  await page.evaluate((list) => (window as unknown as HarnessWindow).harness?.setMeasurements(list), entries);
  await nextFrames();
};
const nextFrames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
let slices: { cal: string[]; uncal: string[] };

const mmVector = (s: Segment) => ({ x: (s.end.x - s.start.x) * SPACING.column, y: (s.end.y - s.start.y) * SPACING.row });
const lengthMm = (s: Segment) => Math.hypot(mmVector(s).x, mmVector(s).y);
const cosineMm = (a: Segment, b: Segment) => {
  const u = mmVector(a);
  const v = mmVector(b);
  return (u.x * v.x + u.y * v.y) / (Math.hypot(u.x, u.y) * Math.hypot(v.x, v.y));
};

/** The ends of a drawn line of measurement `id` in pane `i`, in page coordinates. */
async function lineEnds(i: number, id: string, axis: 'long' | 'short'): Promise<Segment> {
  const box = await viewportBox(page, i);
  const line = pane(page, i).locator(`[data-measurement-id="${id}"] line.measurement__line[data-axis="${axis}"]`);
  const [x1, y1, x2, y2] = await Promise.all(['x1', 'y1', 'x2', 'y2'].map(async (a) => Number(await line.getAttribute(a))));
  return { start: { x: box.x + (x1 as number), y: box.y + (y1 as number) }, end: { x: box.x + (x2 as number), y: box.y + (y2 as number) } };
}
async function handleAt(i: number, id: string, handle: string): Promise<Point> {
  const box = await viewportBox(page, i);
  const circle = pane(page, i).locator(`[data-measurement-id="${id}"] [data-handle="${handle}"]`);
  return { x: box.x + Number(await circle.getAttribute('cx')), y: box.y + Number(await circle.getAttribute('cy')) };
}
const expectNear = (actual: Point, expected: Point, tolerance = 0.05) => {
  expect(Math.abs(actual.x - expected.x)).toBeLessThan(tolerance);
  expect(Math.abs(actual.y - expected.y)).toBeLessThan(tolerance);
};
async function drawWithMouse(from: Point, by: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 6 });
  await page.mouse.up();
}
const shapeFrom = (event: HarnessEvent, id: string, label: string, overrides: Partial<Shape> = {}): Shape => ({
  id, label, image: { sopInstanceUid: event.sopInstanceUid ?? '', frameNumber: event.frameNumber ?? 1 },
  tool: event.tool as Shape['tool'], longAxis: event.longAxis, ...(event.shortAxis ? { shortAxis: event.shortAxis } : {}),
  pixelSpacingMm: SPACING, selected: false, editable: true, ...overrides,
});

describe('the viewer with an app stand-in', () => {
  beforeAll(async () => {
    const base = inject('baseUrl');
    // The app's own page (Vite's index.html, from the same server) without the app: its entry module comes back empty
    // and the harness module takes its place. (Reading the entry's text, as the harness does, is not a script load.)
    await page.route('**/src/app/main.tsx', (route) => (route.request().resourceType() === 'script'
      ? route.fulfill({ status: 200, contentType: 'text/javascript', body: 'export {};' })
      : route.fallback()));
    await page.goto(`${base}?measuring-harness`);
    await page.addScriptTag({ type: 'module', content: HARNESS });
    await page.waitForFunction(() => (window as unknown as HarnessWindow).harness?.setMeasurements !== undefined, undefined, { timeout: 20_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="viewport"]')]
      .map((v) => v.getAttribute('data-rendered-slice')).join() === '1,1', undefined, { timeout: 10_000 });
    slices = await page.evaluate(() => (window as unknown as { harness: HarnessApi }).harness.slices);
  });

  let first: HarnessEvent;

  it('a long axis drawn on non-square pixels: reported in image pixels with its slice; as long in mm across as down', async () => {
    await viewport(CAL).click();
    await page.keyboard.press('m');
    const box = await viewportBox(page, CAL);
    const from = round({ x: box.x + box.width * 0.3, y: box.y + box.height * 0.35 });
    await drawWithMouse(from, { x: 100, y: 0 });
    await drawWithMouse({ x: from.x, y: from.y + 40 }, { x: 0, y: 100 });
    const events = await takeEvents();
    expect(events.map((e) => [e.type, e.paneKey, e.tool, e.sopInstanceUid, e.frameNumber])).toEqual([
      ['drawn', 'cal', 'long-axis', slices.cal[0], 1], ['drawn', 'cal', 'long-axis', slices.cal[0], 1],
    ]);
    const [across, down] = events as [HarnessEvent, HarnessEvent];
    expect(across.shortAxis).toBeUndefined();
    // The display makes millimetres square: 100 screen px is the same length whichever way.
    expect(lengthMm(across.longAxis)).toBeCloseTo(lengthMm(down.longAxis), 6);
    expect(Math.abs(down.longAxis.end.y - down.longAxis.start.y) * 2).toBeCloseTo(Math.abs(across.longAxis.end.x - across.longAxis.start.x), 6);
    // Nothing stays on the image until the app passes it back.
    expect(await pane(page, CAL).getByTestId('measurement').count()).toBe(0);
    first = across;

    // Passed back: drawn where it was drawn, with its label in mm.
    await setShapes([['cal', [shapeFrom(first, 'm1', 'T1')]]]);
    const ends = await lineEnds(CAL, 'm1', 'long');
    expectNear(ends.start, from);
    expectNear(ends.end, { x: from.x + 100, y: from.y });
    const mm = (Math.round(lengthMm(first.longAxis) * 10) / 10).toFixed(1);
    expect(await pane(page, CAL).getByTestId('measurement-label').textContent()).toBe(`T1 ${mm} mm`);
  });

  it('the lines stay on the image through zoom, pan and window', async () => {
    const before = await lineEnds(CAL, 'm1', 'long');
    const box = await viewportBox(page, CAL);
    // Right-drag up 150 px: twice the zoom, about the press.
    const origin = round({ x: box.cx, y: box.cy + 30 });
    await drag(page, origin, { x: 0, y: -150 }, { button: 'right' });
    await nextFrames();
    const zoomed = await lineEnds(CAL, 'm1', 'long');
    expectNear(zoomed.start, { x: origin.x + 2 * (before.start.x - origin.x), y: origin.y + 2 * (before.start.y - origin.y) });
    expectNear(zoomed.end, { x: origin.x + 2 * (before.end.x - origin.x), y: origin.y + 2 * (before.end.y - origin.y) });
    // Middle-drag: the lines move with the picture.
    await drag(page, origin, { x: 30, y: -20 }, { button: 'middle' });
    await nextFrames();
    const panned = await lineEnds(CAL, 'm1', 'long');
    expectNear(panned.start, { x: zoomed.start.x + 30, y: zoomed.start.y - 20 });
    // A window drag (the window/level tool) changes the picture, not the lines.
    await page.keyboard.press('w');
    const windowBefore = await paneText(page, CAL, 'window-level');
    await drag(page, { x: box.x + 20, y: box.y + box.height - 40 }, { x: 60, y: 30 });
    await expect.poll(() => paneText(page, CAL, 'window-level')).not.toBe(windowBefore);
    expectNear((await lineEnds(CAL, 'm1', 'long')).start, panned.start);
    await page.keyboard.press('r');
    await nextFrames();
    expectNear((await lineEnds(CAL, 'm1', 'long')).start, before.start);
    expect(await takeEvents()).toEqual([]);
  });

  it('a measurement shows on its own slice only', async () => {
    const box = await viewportBox(page, CAL);
    await page.mouse.move(box.cx, box.cy);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => viewport(CAL).getAttribute('data-rendered-slice')).toBe('2');
    await expect.poll(() => pane(page, CAL).getByTestId('measurement').count()).toBe(0);
    await page.mouse.wheel(0, -100);
    await expect.poll(() => viewport(CAL).getAttribute('data-rendered-slice')).toBe('1');
    await expect.poll(() => pane(page, CAL).getByTestId('measurement').count()).toBe(1);
  });

  it('a click on the label selects; Delete and Backspace ask to delete the selected, editable one', async () => {
    await pane(page, CAL).getByTestId('measurement-label').click();
    expect(await takeEvents()).toEqual([{ type: 'selected', id: 'm1' }]);
    await setShapes([['cal', [shapeFrom(first, 'm1', 'T1', { selected: true })]]]);
    expect(await pane(page, CAL).locator('[data-measurement-id="m1"]').getAttribute('data-selected')).toBe('true');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    expect(await takeEvents()).toEqual([{ type: 'delete', id: 'm1' }, { type: 'delete', id: 'm1' }]);
    // A locked measurement: no handles, and Delete asks nothing.
    await setShapes([['cal', [shapeFrom(first, 'm1', 'T1', { selected: true, editable: false })]]]);
    expect(await pane(page, CAL).locator('[data-handle]').count()).toBe(0);
    await page.keyboard.press('Delete');
    expect(await takeEvents()).toEqual([]);
  });

  let bidirectional: HarnessEvent;

  it('a bidirectional measurement is reported when the long-axis drag ends, its short axis perpendicular in mm', async () => {
    await setShapes([]);
    await page.keyboard.press('b');
    await expect.poll(() => toolOf(CAL)).toBe('bidirectional');
    const box = await viewportBox(page, CAL);
    await drawWithMouse(round({ x: box.x + box.width * 0.35, y: box.y + box.height * 0.6 }), { x: 90, y: -60 });
    const [event] = await takeEvents();
    if (!event?.shortAxis) throw new Error(`no bidirectional drawing: ${JSON.stringify(event)}`);
    expect(event.tool).toBe('bidirectional');
    expect(Math.abs(cosineMm(event.longAxis, event.shortAxis))).toBeLessThan(1e-9);
    expect(lengthMm(event.shortAxis) / lengthMm(event.longAxis)).toBeCloseTo(0.5, 9);
    bidirectional = event;
    await setShapes([['cal', [shapeFrom(event, 'b1', 'T2', { selected: true })]]]);
    expect(await pane(page, CAL).getByTestId('measurement-label').textContent()).toMatch(/^T2 \d+\.\d × \d+\.\d mm$/);
    // On screen too the short axis is at a right angle (the display makes mm square).
    const long = await lineEnds(CAL, 'b1', 'long');
    const short = await lineEnds(CAL, 'b1', 'short');
    const dot = (long.end.x - long.start.x) * (short.end.x - short.start.x) + (long.end.y - long.start.y) * (short.end.y - short.start.y);
    expect(Math.abs(dot)).toBeLessThan(1e-6);
  });

  it('a short-axis end dragged (any tool) is shown live, then reported, still perpendicular', async () => {
    const handle = await handleAt(CAL, 'b1', 'shortEnd');
    const before = await lineEnds(CAL, 'b1', 'short');
    // Outwards along the short axis by 20 px, and 8 px sideways (which only slides it along the long axis).
    const length = Math.hypot(before.end.x - before.start.x, before.end.y - before.start.y);
    const out = { x: (before.end.x - before.start.x) / length, y: (before.end.y - before.start.y) / length };
    await page.mouse.move(handle.x, handle.y);
    await page.mouse.down();
    await page.mouse.move(handle.x + 20 * out.x - 8 * out.y, handle.y + 20 * out.y + 8 * out.x, { steps: 5 });
    await nextFrames();
    const live = await lineEnds(CAL, 'b1', 'short');
    expect(Math.hypot(live.end.x - live.start.x, live.end.y - live.start.y)).toBeCloseTo(length + 20, 0);
    await page.mouse.up();
    const events = await takeEvents();
    expect(events.map((e) => [e.type, e.id, e.paneKey])).toEqual([['selected', 'b1', undefined], ['edited', 'b1', 'cal']]);
    const edited = events[1] as HarnessEvent;
    if (!edited.shortAxis) throw new Error('no short axis');
    expect(edited.longAxis).toEqual(bidirectional.longAxis);
    expect(Math.abs(cosineMm(edited.longAxis, edited.shortAxis))).toBeLessThan(1e-9);
    // Shown as edited while the app saves, then as the app passes it back.
    expectNear((await lineEnds(CAL, 'b1', 'short')).end, live.end, 0.5);
    bidirectional = edited;
    await setShapes([['cal', [shapeFrom({ ...edited, tool: 'bidirectional', sopInstanceUid: slices.cal[0], frameNumber: 1 }, 'b1', 'T2', { selected: true })]]]);
  });

  it('a long-axis end dragged turns the short axis with it, still perpendicular', async () => {
    const handle = await handleAt(CAL, 'b1', 'longEnd');
    await page.mouse.move(handle.x, handle.y);
    await page.mouse.down();
    await page.mouse.move(handle.x - 10, handle.y - 35, { steps: 5 });
    await page.mouse.up();
    const edited = (await takeEvents()).find((e) => e.type === 'edited');
    if (!edited?.shortAxis) throw new Error('no edit');
    expect(edited.longAxis.start).toEqual(bidirectional.longAxis.start);
    expect(Math.abs(cosineMm(edited.longAxis, edited.shortAxis))).toBeLessThan(1e-9);
    expect(lengthMm(edited.shortAxis)).toBeCloseTo(lengthMm(bidirectional.shortAxis as Segment), 6);
  });

  it('Escape cancels a drawing in progress and keeps the tool; again, back to window/level', async () => {
    await setShapes([]);
    const box = await viewportBox(page, CAL);
    await page.mouse.move(box.x + 60, box.y + 80);
    await page.mouse.down();
    await page.mouse.move(box.x + 140, box.y + 90, { steps: 4 });
    await expect.poll(() => pane(page, CAL).getByTestId('measurement-drawing').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => pane(page, CAL).getByTestId('measurement-drawing').count()).toBe(0);
    await page.mouse.up();
    expect(await takeEvents()).toEqual([]);
    expect(await toolOf(CAL)).toBe('bidirectional');
    await page.keyboard.press('Escape');
    await expect.poll(() => toolOf(CAL)).toBe('windowLevel');
  });

  it('on a slice without PixelSpacing a measuring tool draws nothing and the app is told', async () => {
    await viewport(UNCAL).click();
    await page.keyboard.press('m');
    const box = await viewportBox(page, UNCAL);
    await page.mouse.move(box.cx, box.cy);
    await page.mouse.down();
    await page.mouse.move(box.cx + 80, box.cy + 10, { steps: 4 });
    expect(await pane(page, UNCAL).getByTestId('measurement-drawing').count()).toBe(0);
    await page.mouse.up();
    expect(await takeEvents()).toEqual([{ type: 'refused', paneKey: 'uncal', sopInstanceUid: slices.uncal[0] }]);
    await page.keyboard.press('w');
  });

  it('reveal scrolls a pane to the slice and centres the point, zoom kept; false for a slice it does not have', async () => {
    const zoom = await zoomPercent(page, CAL);
    const target = { x: 20, y: 70 };
    await setShapes([['cal', [{
      id: 'r1', label: 'T3', image: { sopInstanceUid: slices.cal[2] as string, frameNumber: 1 }, tool: 'long-axis',
      longAxis: { start: target, end: { x: 40, y: 70 } }, pixelSpacingMm: SPACING, selected: false, editable: true,
    }]]]);
    const revealed = await page.evaluate(
      ({ sop, centre }) => (window as unknown as { harness: HarnessApi }).harness.reveal('cal', { sopInstanceUid: sop, frameNumber: 1 }, centre),
      { sop: slices.cal[2] as string, centre: target },
    );
    expect(revealed).toBe(true);
    await expect.poll(() => viewport(CAL).getAttribute('data-rendered-slice')).toBe('3');
    expect(await pane(page, CAL).getByRole('status', { name: 'slice position' }).textContent()).toBe('Slice 3 / 3');
    await expect.poll(() => pane(page, CAL).getByTestId('measurement').count()).toBe(1);
    const box = await viewportBox(page, CAL);
    expectNear((await lineEnds(CAL, 'r1', 'long')).start, { x: box.cx, y: box.cy }, 0.5);
    expect(await zoomPercent(page, CAL)).toBe(zoom);
    // The other pane did not move, and a slice from another series is not found.
    expect(await viewport(UNCAL).getAttribute('data-rendered-slice')).toBe('1');
    expect(await page.evaluate(
      (sop) => (window as unknown as { harness: HarnessApi }).harness.reveal('cal', { sopInstanceUid: sop, frameNumber: 1 }, { x: 0, y: 0 }),
      slices.uncal[0] as string,
    )).toBe(false);
  });
});
