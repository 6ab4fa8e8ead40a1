import { describe, expect, it } from 'vitest';
import { canvasToImage } from '../../src/viewer/viewGeometry';
import { zoomForWheel } from '../../src/viewer/zoomGesture';
import { geometry, view } from './viewFixtures';

describe('zoomForWheel (Ctrl+wheel)', () => {
  const start = view({ scale: 1 });
  it.each<[string, number, number, number]>([
    // name, deltaY, deltaMode, scale after
    ['wheel up 300 px doubles', -300, 0, 2],
    ['wheel down 300 px halves', 300, 0, 0.5],
    ['a 100 px notch zooms in by 2^(1/3)', -100, 0, 2 ** (1 / 3)],
    ['Firefox lines count as 40 px', -3, 1, 2 ** (120 / 300)],
    ['a page-sized delta is bounded to one doubling', -2, 2, 2],
    ['no delta, no zoom', 0, 0, 1],
  ])('%s', (_, deltaY, mode, expected) => {
    expect(zoomForWheel(start, geometry(), { x: 300, y: 200 }, deltaY, mode).scale).toBeCloseTo(expected, 12);
  });

  it('zooms about the pointer', () => {
    const g = geometry();
    const pointer = { x: 480, y: 90 };
    const after = zoomForWheel(start, g, pointer, -100, 0);
    const [a, b] = [canvasToImage(start, g, pointer), canvasToImage(after, g, pointer)];
    expect(b.x).toBeCloseTo(a.x, 9);
    expect(b.y).toBeCloseTo(a.y, 9);
  });
});
