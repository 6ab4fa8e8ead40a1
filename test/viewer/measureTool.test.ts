import { describe, expect, it } from 'vitest';
import type { PixelSpacingMm } from '../../src/dicom/ctInstance';
import type { ShapeHit } from '../../src/viewer/measurementHit';
import {
  CLICK_SLOP_PX, heldHandle, liveMeasurement, MEASURE_IDLE, measureStep, type MeasureEffect, type MeasureInput, type MeasureState,
  type MeasureStep,
} from '../../src/viewer/measureTool';
import type { ViewerTool } from '../../src/viewer/viewerTool';
import { cosineMm, lengthMm, pt, seg, shape, SQUARE, TALL } from './measurementFixtures';

// The canvas shows the image at 2 screen pixels per image pixel, from the corner: image = canvas / 2.
const image = (x: number, y: number) => pt(x / 2, y / 2);

interface DownOptions {
  tool?: ViewerTool;
  button?: number;
  shiftKey?: boolean;
  hit?: ShapeHit;
  spacing?: PixelSpacingMm | undefined;
  pointerId?: number;
}
const down = (x: number, y: number, o: DownOptions = {}): Extract<MeasureInput, { type: 'down' }> => ({
  type: 'down', pointerId: o.pointerId ?? 1, button: o.button ?? 0, shiftKey: o.shiftKey ?? false, point: pt(x, y),
  image: image(x, y), tool: o.tool ?? 'long-axis', hit: o.hit, spacing: 'spacing' in o ? o.spacing : SQUARE,
});
const move = (x: number, y: number, pointerId = 1): MeasureInput => ({ type: 'move', pointerId, point: pt(x, y), image: image(x, y) });
const up = (x: number, y: number, pointerId = 1): MeasureInput => ({ type: 'up', pointerId, point: pt(x, y), image: image(x, y) });
const cancel = (pointerId = 1): MeasureInput => ({ type: 'cancel', pointerId });
const abort: MeasureInput = { type: 'abort' };

function play(inputs: readonly MeasureInput[]) {
  let state: MeasureState = MEASURE_IDLE;
  const steps: MeasureStep[] = [];
  for (const input of inputs) {
    const step = measureStep(state, input);
    steps.push(step);
    state = step.state;
  }
  const effects = steps.flatMap((s) => (s.effect ? [s.effect] : []));
  return { state, steps, effects };
}

describe('drawing: press, drag, release', () => {
  it('a long axis from the press to the release, in image pixels', () => {
    const { effects, state } = play([down(100, 100), move(140, 100), move(180, 160), up(200, 160)]);
    expect(effects).toEqual([{ kind: 'drawn', tool: 'long-axis', longAxis: seg(50, 50, 100, 80) }]);
    expect(state).toBe(MEASURE_IDLE);
  });

  it('a bidirectional one comes with its short axis, perpendicular in mm, half as long', () => {
    const { effects } = play([down(100, 100, { tool: 'bidirectional', spacing: TALL }), move(200, 160), up(200, 160)]);
    const drawn = effects[0] as Extract<MeasureEffect, { kind: 'drawn' }>;
    expect(drawn.tool).toBe('bidirectional');
    if (!drawn.shortAxis) throw new Error('no short axis');
    expect(Math.abs(cosineMm(drawn.longAxis, drawn.shortAxis, TALL))).toBeLessThan(1e-9);
    expect(lengthMm(drawn.shortAxis, TALL) / lengthMm(drawn.longAxis, TALL)).toBeCloseTo(0.5, 12);
  });

  it.each<[string, MeasureInput[]]>([
    ['a click draws nothing', [down(100, 100), up(100, 100)]],
    ['a press that moves less than the slop draws nothing', [down(100, 100), move(102, 101), up(102, 101)]],
    ['a drag that comes back to where it began draws nothing', [down(100, 100), move(160, 100), up(101, 100)]],
    ['Escape during the drag cancels it', [down(100, 100), move(160, 100), abort, up(160, 100)]],
    ['a lost pointer cancels it', [down(100, 100), move(160, 100), cancel(), up(160, 100)]],
    ['window/level is not a measuring tool', [down(100, 100, { tool: 'windowLevel' }), move(160, 100), up(160, 100)]],
    ['the right button zooms, whatever the tool', [down(100, 100, { button: 2 }), move(160, 100), up(160, 100)]],
    ['the middle button pans', [down(100, 100, { button: 1 }), move(160, 100), up(160, 100)]],
    ['Shift+left pans', [down(100, 100, { shiftKey: true }), move(160, 100), up(160, 100)]],
  ])('%s', (_, inputs) => {
    const { effects, state } = play(inputs);
    expect(effects).toEqual([]);
    expect(state).toBe(MEASURE_IDLE);
  });

  it(`the slop is ${CLICK_SLOP_PX} screen pixels, whatever the zoom`, () => {
    // Zoomed out to a quarter: 3 screen pixels are 12 image pixels, well above the measurement floor.
    const far = (x: number): MeasureInput[] => [
      { ...down(0, 0), image: pt(0, 0) },
      { type: 'move', pointerId: 1, point: pt(x, 0), image: pt(4 * x, 0) },
      { type: 'up', pointerId: 1, point: pt(x, 0), image: pt(4 * x, 0) },
    ];
    expect(play(far(CLICK_SLOP_PX)).effects).toHaveLength(1);
    expect(play(far(CLICK_SLOP_PX - 0.1)).effects).toEqual([]);
  });

  it('the press is claimed (no window drag under it) and the pointer captured until the release', () => {
    const { steps } = play([down(100, 100, { pointerId: 4 }), move(150, 100, 4), up(150, 100, 4)]);
    expect(steps.map((s) => [s.claimed, s.capture, s.release])).toEqual([[true, 4, undefined], [undefined, undefined, undefined], [undefined, undefined, 4]]);
  });

  it('buttons that are not ours are not claimed: the view drag gets them', () => {
    expect(measureStep(MEASURE_IDLE, down(0, 0, { button: 2 })).claimed).toBeFalsy();
    expect(measureStep(MEASURE_IDLE, down(0, 0, { tool: 'windowLevel' })).claimed).toBeFalsy();
  });

  it('another pointer cannot drive a drawing, nor start anything during it', () => {
    const { effects, steps } = play([down(100, 100), down(0, 0, { pointerId: 2 }), move(300, 300, 2), up(300, 300, 2), move(160, 100), up(160, 100)]);
    expect(steps[1]?.claimed).toBe(true);
    expect(effects).toEqual([{ kind: 'drawn', tool: 'long-axis', longAxis: seg(50, 50, 80, 50) }]);
  });

  it('Escape releases the pointer it captured', () => {
    expect(play([down(100, 100, { pointerId: 3 }), move(160, 100, 3), abort]).steps[2]?.release).toBe(3);
  });
});

describe('slices that cannot be measured in millimetres', () => {
  it('a press with a measuring tool draws nothing and is refused', () => {
    const { effects, state, steps } = play([down(100, 100, { spacing: undefined }), move(180, 100), up(180, 100)]);
    expect(effects).toEqual([{ kind: 'refused' }]);
    expect(steps[0]?.claimed).toBe(true);
    expect(state).toBe(MEASURE_IDLE);
  });
  it('window/level there is not refused', () => {
    expect(play([down(100, 100, { spacing: undefined, tool: 'windowLevel' })]).effects).toEqual([]);
  });
});

describe('what the layer shows while drawing', () => {
  it('nothing before the drag passes the slop, then the line with its end at the pointer', () => {
    const pressed = measureStep(MEASURE_IDLE, down(100, 100, { tool: 'bidirectional' })).state;
    expect(liveMeasurement(pressed)).toBeUndefined();
    const drawing = measureStep(pressed, move(180, 100)).state;
    expect(liveMeasurement(drawing)).toMatchObject({ kind: 'drawing', tool: 'bidirectional', axes: { longAxis: seg(50, 50, 90, 50) }, spacing: SQUARE });
    expect(liveMeasurement(drawing)?.axes.shortAxis).toBeDefined();
    expect(liveMeasurement(MEASURE_IDLE)).toBeUndefined();
  });
});

describe('handles: any tool, left button', () => {
  const bidirectional = shape({
    id: 'b1', tool: 'bidirectional', longAxis: seg(50, 50, 90, 50), shortAxis: seg(70, 60, 70, 40), pixelSpacingMm: SQUARE,
  });
  const grab = (handle: 'longStart' | 'longEnd' | 'shortStart' | 'shortEnd', target = bidirectional): ShapeHit => ({ shape: target, part: 'handle', handle });

  it.each<ViewerTool>(['windowLevel', 'long-axis', 'bidirectional', 'oneClick'])('with %s, a long-axis end moves and the short axis follows', (tool) => {
    // Pressed 1 screen pixel off the handle: the handle keeps that offset rather than jumping to the pointer.
    const { effects } = play([down(181, 100, { tool, hit: grab('longEnd') }), move(181, 140), up(181, 180)]);
    expect(effects[0]).toEqual({ kind: 'selected', shapeId: 'b1' });
    const edited = effects[1] as Extract<MeasureEffect, { kind: 'edited' }>;
    expect(edited.kind).toBe('edited');
    expect(edited.shapeId).toBe('b1');
    expect(edited.longAxis).toEqual(seg(50, 50, 90, 90));
    if (!edited.shortAxis) throw new Error('no short axis');
    expect(Math.abs(cosineMm(edited.longAxis, edited.shortAxis, SQUARE))).toBeLessThan(1e-9);
  });

  it('a short-axis end stays perpendicular', () => {
    const { effects } = play([down(140, 80, { hit: grab('shortEnd') }), move(150, 60), up(170, 60)]);
    const edited = effects[1] as Extract<MeasureEffect, { kind: 'edited' }>;
    expect(edited.longAxis).toEqual(bidirectional.longAxis);
    expect(edited.shortAxis?.end.x).toBeCloseTo(85, 9);
    expect(edited.shortAxis?.end.y).toBeCloseTo(30, 9);
    expect(edited.shortAxis?.start.x).toBeCloseTo(85, 9);
    expect(edited.shortAxis?.start.y).toBeCloseTo(60, 9);
  });

  it('every move is computed from the shape as pressed: the live edit follows the pointer without drift', () => {
    let state = measureStep(MEASURE_IDLE, down(180, 100, { hit: grab('longEnd') })).state;
    for (let i = 0; i < 50; i++) state = measureStep(state, move(180 + (i % 7) * 10, 100 + (i % 5) * 10)).state;
    state = measureStep(state, move(180, 100)).state;
    expect(liveMeasurement(state)).toEqual({ kind: 'editing', shapeId: 'b1', axes: { longAxis: bidirectional.longAxis, shortAxis: bidirectional.shortAxis } });
  });

  it('a click on a handle selects and edits nothing', () => {
    const { effects } = play([down(180, 100, { hit: grab('longEnd') }), move(181, 101), up(181, 101)]);
    expect(effects).toEqual([{ kind: 'selected', shapeId: 'b1' }]);
  });

  it('a handle nudged by two pixels moves: fine adjustments are edits, not clicks', () => {
    const { effects } = play([down(180, 100, { hit: grab('longEnd') }), move(182, 100), up(182, 100)]);
    expect(effects.map((e) => e.kind)).toEqual(['selected', 'edited']);
  });

  it('Escape during a handle drag leaves the measurement as it was', () => {
    const { effects, state } = play([down(180, 100, { hit: grab('longEnd') }), move(200, 140), abort, up(200, 140)]);
    expect(effects).toEqual([{ kind: 'selected', shapeId: 'b1' }]);
    expect(state).toBe(MEASURE_IDLE);
  });

  it('a long-axis measurement edits its long axis only', () => {
    const longOnly = shape({ id: 'l1', longAxis: seg(10, 10, 30, 10) });
    const { effects } = play([down(60, 20, { hit: grab('longEnd', longOnly) }), move(60, 60), up(60, 60)]);
    expect(effects[1]).toEqual({ kind: 'edited', shapeId: 'l1', longAxis: seg(10, 10, 30, 30) });
  });
});

describe('selecting', () => {
  it.each<[string, ShapeHit['part'], ViewerTool]>([
    ['a line, with window/level', 'line', 'windowLevel'],
    ['a line, with a measuring tool (no drawing starts on it)', 'line', 'long-axis'],
    ['a label', 'label', 'bidirectional'],
  ])('a press on %s selects it', (_, part, tool) => {
    const hit = { shape: shape({ id: 'x' }), part } as ShapeHit;
    const { effects, steps } = play([down(10, 10, { hit, tool }), move(100, 100), up(100, 100)]);
    expect(effects).toEqual([{ kind: 'selected', shapeId: 'x' }]);
    expect(steps[0]?.claimed).toBe(true);
  });

  it('a locked measurement\'s handle is only a place to select it', () => {
    const locked = shape({ id: 'k', editable: false });
    const { effects } = play([down(10, 10, { hit: { shape: locked, part: 'handle', handle: 'longEnd' } }), move(100, 100), up(100, 100)]);
    expect(effects).toEqual([{ kind: 'selected', shapeId: 'k' }]);
  });
});

describe('the measurement floor: a slip never leaves as a value', () => {
  // Zoomed in 4x: 1 screen pixel is a quarter of an image pixel, so a drag past the click slop can still be tiny.
  const zoomed = (x: number, y: number) => pt(x / 4, y / 4);
  const drawZoomed = (dx: number, spacing = SQUARE): MeasureInput[] => [
    { ...down(100, 100, { spacing }), image: zoomed(100, 100) },
    { type: 'move', pointerId: 1, point: pt(100 + dx, 100), image: zoomed(100 + dx, 100) },
    { type: 'up', pointerId: 1, point: pt(100 + dx, 100), image: zoomed(100 + dx, 100) },
  ];

  it('a new drawing under 2 image pixels is discarded, though it passed the click slop', () => {
    // 7 screen pixels = 1.75 image pixels of 0.7 mm (1.2 mm).
    const { effects, state } = play(drawZoomed(7));
    expect(effects).toEqual([]);
    expect(state).toBe(MEASURE_IDLE);
    expect(play(drawZoomed(8)).effects).toEqual([{ kind: 'drawn', tool: 'long-axis', longAxis: { start: pt(25, 25), end: pt(27, 25) } }]);
  });

  it('a new drawing under 1 mm is discarded on fine pixels', () => {
    // 12 screen pixels = 3 image pixels of 0.3 mm (0.9 mm); 16 = 4 pixels (1.2 mm) is kept.
    const fine = { row: 0.3, column: 0.3 };
    expect(play(drawZoomed(12, fine)).effects).toEqual([]);
    expect(play(drawZoomed(16, fine)).effects).toHaveLength(1);
  });

  const bidirectional = shape({
    id: 'b1', tool: 'bidirectional', longAxis: seg(50, 50, 90, 50), shortAxis: seg(70, 50, 70, 40), pixelSpacingMm: SQUARE,
  });
  const grab = (handle: 'longStart' | 'longEnd' | 'shortStart' | 'shortEnd'): ShapeHit => ({ shape: bidirectional, part: 'handle', handle });

  it('a long-axis end dragged onto the other end is not an edit: collapsed, and the measurement stays as it was', () => {
    const { effects, state, steps } = play([down(180, 100, { hit: grab('longEnd') }), move(140, 100), move(100, 100), up(100, 100)]);
    expect(effects.map((e) => e.kind)).toEqual(['selected', 'collapsed']);
    const collapsed = effects[1] as Extract<MeasureEffect, { kind: 'collapsed' }>;
    expect(collapsed).toMatchObject({ shapeId: 'b1', axis: 'longAxis' });
    expect(collapsed.axes.longAxis).toEqual(seg(50, 50, 50, 50));
    expect(state).toBe(MEASURE_IDLE);
    // The live edit ends with the gesture: the layer draws the shape the app still has.
    expect(liveMeasurement(state)).toBeUndefined();
    expect(steps.at(-1)?.release).toBe(1);
  });

  it('a short axis dragged onto its long axis is collapsed too', () => {
    // The short axis starts on the long axis: its end dragged onto the line leaves it 0 mm long.
    const { effects } = play([down(140, 80, { hit: grab('shortEnd') }), move(140, 90), up(140, 100)]);
    expect(effects.map((e) => e.kind)).toEqual(['selected', 'collapsed']);
    expect(effects[1]).toMatchObject({ kind: 'collapsed', axis: 'shortAxis' });
  });

  it('an end dragged to just above the floor is an ordinary edit', () => {
    // longEnd to 2 image pixels (1.4 mm) from the start.
    const { effects } = play([down(180, 100, { hit: grab('longEnd') }), move(104, 100), up(104, 100)]);
    expect(effects[1]).toMatchObject({ kind: 'edited', longAxis: seg(50, 50, 52, 50) });
  });

  it('the handle held is the one marked, from the press to the release', () => {
    let state = measureStep(MEASURE_IDLE, down(180, 100, { hit: grab('longEnd') })).state;
    expect(heldHandle(state)).toEqual({ shapeId: 'b1', handle: 'longEnd' });
    state = measureStep(state, move(200, 120)).state;
    expect(heldHandle(state)).toEqual({ shapeId: 'b1', handle: 'longEnd' });
    state = measureStep(state, up(200, 120)).state;
    expect(heldHandle(state)).toBeUndefined();
    expect(heldHandle(measureStep(MEASURE_IDLE, down(10, 10)).state)).toBeUndefined();
  });
});

describe('click to measure: a click is a seed, a drag is nothing', () => {
  it('a press and release where it was gives the seed at the press, in image pixels', () => {
    const { effects, state, steps } = play([down(100, 60, { tool: 'oneClick' }), move(101, 61), up(101, 61)]);
    expect(effects).toEqual([{ kind: 'seed', image: pt(50, 30) }]);
    expect(steps[0]).toMatchObject({ claimed: true, capture: 1 });
    expect(state).toBe(MEASURE_IDLE);
  });

  it('a press that wanders beyond the slop is not a click, even when it comes back', () => {
    const { effects } = play([down(100, 60, { tool: 'oneClick' }), move(100 + CLICK_SLOP_PX + 1, 60), move(100, 60), up(100, 60)]);
    expect(effects).toEqual([]);
  });

  it('shows nothing live while pressed', () => {
    const state = measureStep(MEASURE_IDLE, down(100, 60, { tool: 'oneClick' })).state;
    expect(liveMeasurement(state)).toBeUndefined();
  });

  it('on a slice without PixelSpacing it is refused like the drawing tools', () => {
    const { effects } = play([down(100, 60, { tool: 'oneClick', spacing: undefined }), up(100, 60)]);
    expect(effects).toEqual([{ kind: 'refused' }]);
  });
});
