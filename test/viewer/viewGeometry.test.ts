import { describe, expect, it } from 'vitest';
import {
  canvasToImage, centredOn, fitScale, imageToCanvas, isFitted, MAX_SCALE, MIN_SCALE, panBy, pixelAspect, zoomAround,
} from '../../src/viewer/viewGeometry';
import { geometry, view } from './viewFixtures';

const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x, 9);
  expect(a.y).toBeCloseTo(b.y, 9);
};

describe('fitScale: the whole image just fits, as cornerstone getImageFitScale', () => {
  it.each<[string, Parameters<typeof geometry>[0], number]>([
    ['a wide canvas is limited by its height', {}, 400 / 256],
    ['a tall canvas is limited by its width', { canvasWidth: 300, canvasHeight: 900 }, 300 / 256],
    ['a 512 x 400 image in 1024 x 1024', { canvasWidth: 1024, canvasHeight: 1024, columns: 512, rows: 400 }, 2],
    ['rows 2x apart are stretched 2x down, so fewer rows fit', { canvasWidth: 1000, canvasHeight: 1000, pixelAspect: { x: 1, y: 2 } }, 1000 / 512],
  ])('%s', (_, g, expected) => expect(fitScale(geometry(g))).toBeCloseTo(expected, 12));
});

describe('pixelAspect (row spacing, column spacing)', () => {
  it.each<[number, number, { x: number; y: number }]>([
    [0.7, 0.7, { x: 1, y: 1 }],
    [1.0, 0.5, { x: 1, y: 2 }],
    [0.5, 1.0, { x: 2, y: 1 }],
  ])('%f x %f -> %o', (row, column, expected) => expect(pixelAspect(row, column)).toEqual(expected));
});

describe('canvas <-> image', () => {
  const g = geometry();
  it('the image centre is on the canvas centre when not panned', () => {
    close(imageToCanvas(view(), g, { x: 128, y: 128 }), { x: 300, y: 200 });
  });
  it('the image corner is half the scaled image from the centre', () => {
    close(imageToCanvas(view({ scale: 1 }), g, { x: 0, y: 0 }), { x: 300 - 128, y: 200 - 128 });
  });
  it('pan moves the image by pan x scale canvas pixels', () => {
    close(imageToCanvas(view({ scale: 2, pan: { x: 10, y: -5 } }), g, { x: 128, y: 128 }), { x: 320, y: 190 });
  });
  it('round-trips with non-square pixels', () => {
    const v = view({ scale: 1.7, pan: { x: 3, y: 9 } });
    const stretched = geometry({ pixelAspect: { x: 1, y: 1.6 } });
    close(canvasToImage(v, stretched, imageToCanvas(v, stretched, { x: 31, y: 200 })), { x: 31, y: 200 });
  });
});

describe('zoomAround keeps the image point under the anchor', () => {
  it.each<[string, { x: number; y: number }, number, { x: number; y: number }]>([
    ['at the centre: no pan needed', { x: 300, y: 200 }, 4, { x: 1, y: 1 }],
    ['off centre, zooming in', { x: 100, y: 50 }, 3, { x: 1, y: 1 }],
    ['off centre, zooming out', { x: 550, y: 380 }, 0.5, { x: 1, y: 1 }],
    ['non-square pixels', { x: 120, y: 330 }, 5, { x: 1, y: 1.6 }],
  ])('%s', (_, anchor, scale, aspect) => {
    const g = geometry({ pixelAspect: aspect });
    const before = view({ scale: 1.3, pan: { x: 7, y: -4 } });
    const after = zoomAround(before, g, anchor, scale);
    expect(after.scale).toBe(scale);
    close(canvasToImage(after, g, anchor), canvasToImage(before, g, anchor));
  });

  it.each([[1000, MAX_SCALE], [0.0001, MIN_SCALE]])('clamps %f to %f', (scale, clamped) => {
    expect(zoomAround(view(), geometry(), { x: 10, y: 10 }, scale).scale).toBe(clamped);
  });

  it('changes nothing else', () => {
    const after = zoomAround(view({ invert: true, windowWidth: 80 }), geometry(), { x: 10, y: 10 }, 2);
    expect([after.invert, after.windowWidth, after.windowCentre]).toEqual([true, 80, 40]);
  });
});

describe('panBy', () => {
  it('the image point under the pointer follows the pointer', () => {
    const g = geometry({ pixelAspect: { x: 2, y: 1 } });
    const before = view({ scale: 1.5 });
    const grabbed = canvasToImage(before, g, { x: 200, y: 100 });
    const after = panBy(before, g, { x: 33, y: -21 });
    close(imageToCanvas(after, g, grabbed), { x: 233, y: 79 });
  });
});

describe('isFitted', () => {
  const g = geometry();
  it.each<[string, Parameters<typeof view>[0], boolean]>([
    ['fit scale, centred', { scale: fitScale(g) }, true],
    ['zoomed', { scale: 2 }, false],
    ['panned', { scale: fitScale(g), pan: { x: 1, y: 0 } }, false],
  ])('%s -> %s', (_, v, expected) => expect(isFitted(view(v), g)).toBe(expected));
});

describe('centredOn (reveal a measurement)', () => {
  it.each<[string, Parameters<typeof geometry>[0], Parameters<typeof view>[0]]>([
    ['fitted', {}, {}],
    ['zoomed and panned', {}, { scale: 3, pan: { x: 20, y: -7 } }],
    ['non-square pixels on a tall canvas', { canvasWidth: 300, canvasHeight: 900, pixelAspect: { x: 1, y: 2 } }, { scale: 0.8 }],
  ])('%s: the point lands on the canvas centre, zoom and window kept', (_, gOverrides, vOverrides) => {
    const g = geometry(gOverrides);
    const before = view({ windowWidth: 150, windowCentre: 90, ...vOverrides });
    const after = centredOn(before, g, { x: 61.5, y: 200.25 });
    close(imageToCanvas(after, g, { x: 61.5, y: 200.25 }), { x: g.canvasWidth / 2, y: g.canvasHeight / 2 });
    expect({ ...after, pan: before.pan }).toEqual(before);
  });
});
