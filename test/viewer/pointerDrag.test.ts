import { describe, expect, it } from 'vitest';
import { dragStep, IDLE, toolForButton, type DragState, type DragStep, type PointerInput } from '../../src/viewer/pointerDrag';
import { canvasToImage } from '../../src/viewer/viewGeometry';
import type { ViewState } from '../../src/viewer/viewState';
import { geometry, view } from './viewFixtures';

const START = view({ scale: 2, windowWidth: 400, windowCentre: 40 });
const G = geometry();
const at = (x: number, y: number) => ({ x, y });
const down = (button: number, x: number, y: number, options: { pointerId?: number; shiftKey?: boolean } = {}): PointerInput =>
  ({ type: 'down', pointerId: options.pointerId ?? 1, button, shiftKey: options.shiftKey ?? false, point: at(x, y) });
const move = (x: number, y: number, pointerId = 1): PointerInput => ({ type: 'move', pointerId, point: at(x, y) });
const up = (x: number, y: number, pointerId = 1): PointerInput => ({ type: 'up', pointerId, point: at(x, y) });
const cancel = (pointerId = 1): PointerInput => ({ type: 'cancel', pointerId });

/** Feeds a sequence through the machine; the "renderer" applies every view it is given. */
function play(inputs: readonly PointerInput[], context = { view: START as ViewState | undefined, geometry: G }) {
  let state: DragState = IDLE;
  let shown = context.view;
  const steps: DragStep[] = [];
  for (const input of inputs) {
    const step = dragStep(state, input, { view: shown, geometry: context.geometry });
    steps.push(step);
    state = step.state;
    if (step.view) shown = step.view;
  }
  return { state, view: shown, steps };
}

describe('toolForButton', () => {
  it.each<[number, boolean, string | undefined]>([
    [0, false, 'windowLevel'],
    [0, true, 'pan'],
    [1, false, 'pan'],
    [2, false, 'zoom'],
    [3, false, undefined],
  ])('button %i, shift %s -> %s', (button, shift, tool) => expect(toolForButton(button, shift)).toBe(tool));
});

describe('drag sequences -> view', () => {
  it.each<[string, PointerInput[], Partial<ViewState>]>([
    ['left-drag right 200 px doubles the width', [down(0, 100, 100), move(200, 100), move(300, 100), up(300, 100)],
      { windowWidth: 800, windowCentre: 40 }],
    ['left-drag down 100 px raises the centre by a quarter width', [down(0, 100, 100), move(100, 200), up(100, 200)],
      { windowWidth: 400, windowCentre: 140 }],
    ['window follows the total movement, not the sum of moves', [down(0, 0, 0), move(200, 0), move(0, 0), up(0, 0)],
      { windowWidth: 400, windowCentre: 40 }],
    ['right-drag up 150 px doubles the zoom', [down(2, 300, 200), move(300, 50), up(300, 50)], { scale: 4 }],
    ['right-drag down 150 px halves it', [down(2, 300, 200), move(300, 350), up(300, 350)], { scale: 1 }],
    ['middle-drag pans by the movement over the scale', [down(1, 10, 10), move(30, 50), up(30, 50)], { pan: { x: 10, y: 20 } }],
    ['Shift+left-drag pans too', [down(0, 10, 10, { shiftKey: true }), move(30, 50), up(30, 50)], { pan: { x: 10, y: 20 } }],
    ['the view of the last move stays after a cancel', [down(0, 0, 0), move(200, 0), cancel()], { windowWidth: 800 }],
    ['a move without a press does nothing', [move(500, 500), up(500, 500)], {}],
    ['another pointer cannot drive the drag', [down(0, 0, 0), move(200, 0, 2), up(200, 0, 2), move(0, 400)],
      { windowWidth: 400, windowCentre: 440 }],
    ['a second button during a drag is ignored', [down(0, 0, 0), down(2, 0, 0, { pointerId: 2 }), move(0, -150), up(0, -150)],
      { scale: 2, windowCentre: -110 }],
    ['after release, moves change nothing', [down(0, 0, 0), up(0, 0), move(400, 400)], {}],
    ['a back/forward button does not start a drag', [down(3, 0, 0), move(200, 200), up(200, 200)], {}],
  ])('%s', (_, inputs, expected) => {
    const { view: result, state } = play(inputs);
    expect(result).toMatchObject({ ...START, ...expected });
    // A sequence that ends with a release or a cancel leaves the machine idle, ready for the next drag.
    if (inputs.at(-1)?.type === 'up' || inputs.at(-1)?.type === 'cancel') expect(state).toBe(IDLE);
  });
});

describe('pointer capture', () => {
  it('captures the pointer at press and releases it at release', () => {
    const { steps } = play([down(0, 0, 0, { pointerId: 7 }), move(5, 5, 7), up(5, 5, 7)]);
    expect(steps.map((s) => [s.capture, s.release])).toEqual([[7, undefined], [undefined, undefined], [undefined, 7]]);
  });
  it('a cancel (capture lost) ends the drag without a release of its own', () => {
    const { steps, state } = play([down(0, 0, 0), cancel()]);
    expect(state).toBe(IDLE);
    expect(steps[1]?.release).toBeUndefined();
  });
  it('no image (no view yet): no drag, no capture', () => {
    const { steps, state } = play([down(0, 0, 0), move(100, 0)], { view: undefined, geometry: G });
    expect(state).toBe(IDLE);
    expect(steps.every((s) => s.capture === undefined && s.view === undefined)).toBe(true);
  });
});

describe('right-drag zooms about the point where the drag started', () => {
  it('the anatomy under the press stays under it', () => {
    const origin = at(120, 330);
    const { view: result } = play([down(2, origin.x, origin.y), move(150, 100), up(150, 100)]);
    if (!result) throw new Error('no view');
    expect(result.scale).toBeGreaterThan(START.scale);
    const before = canvasToImage(START, G, origin);
    const after = canvasToImage(result, G, origin);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });
});
