import { describe, expect, it } from 'vitest';
import { windowForDrag } from '../../src/viewer/windowLevelDrag';

describe('windowForDrag: right = wider, down = higher centre, sensitivity from the start width', () => {
  it.each<[string, { width: number; centre: number }, { x: number; y: number }, { width: number; centre: number }]>([
    ['no movement, no change', { width: 400, centre: 40 }, { x: 0, y: 0 }, { width: 400, centre: 40 }],
    ['200 px right doubles the width', { width: 400, centre: 40 }, { x: 200, y: 0 }, { width: 800, centre: 40 }],
    ['200 px left halves it', { width: 400, centre: 40 }, { x: -200, y: 0 }, { width: 200, centre: 40 }],
    ['400 px down raises the centre by one width', { width: 400, centre: 40 }, { x: 0, y: 400 }, { width: 400, centre: 440 }],
    ['on a lung window a pixel is 3.75 HU of centre', { width: 1500, centre: -600 }, { x: 0, y: -4 }, { width: 1500, centre: -615 }],
    ['on a brain window a pixel is 0.2 HU of centre', { width: 80, centre: 40 }, { x: 0, y: 10 }, { width: 80, centre: 42 }],
    ['the width never goes below 1 HU', { width: 4, centre: 0 }, { x: -2000, y: 0 }, { width: 1, centre: 0 }],
  ])('%s', (_, start, delta, expected) => {
    const result = windowForDrag(start, delta);
    expect(result.width).toBeCloseTo(expected.width, 9);
    expect(result.centre).toBeCloseTo(expected.centre, 9);
  });

  it('dragging back to the start restores the window exactly', () => {
    expect(windowForDrag({ width: 350, centre: 50 }, { x: 0, y: 0 })).toEqual({ width: 350, centre: 50 });
  });
});
