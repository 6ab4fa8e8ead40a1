import { describe, expect, it } from 'vitest';
import { distanceToSegment, HANDLE_GRAB_PX, hitTest, LINE_GRAB_PX } from '../../src/viewer/measurementHit';
import { imageToCanvas } from '../../src/viewer/viewGeometry';
import { pt, seg, shape } from './measurementFixtures';
import { geometry, view } from './viewFixtures';

// 2 screen pixels per image pixel, image corner at the canvas corner: canvas = 2 * image.
const toCanvas = (p: { x: number; y: number }) => ({ x: 2 * p.x, y: 2 * p.y });
const bidirectional = shape({ id: 'b', tool: 'bidirectional', longAxis: seg(50, 50, 90, 50), shortAxis: seg(70, 60, 70, 40) });

describe('hitTest', () => {
  it.each<[string, { x: number; y: number }, unknown]>([
    ['on a long-axis end', pt(180, 100), { part: 'handle', handle: 'longEnd' }],
    [`${HANDLE_GRAB_PX} screen px from a handle still grabs it`, pt(180, 100 + HANDLE_GRAB_PX), { part: 'handle', handle: 'longEnd' }],
    ['on a short-axis end', pt(141, 121), { part: 'handle', handle: 'shortStart' }],
    ['on the line between the ends', pt(120, 101), { part: 'line' }],
    [`${LINE_GRAB_PX} px off the line still hits it`, pt(120, 100 + LINE_GRAB_PX), { part: 'line' }],
    ['further off, nothing', pt(120, 100 + LINE_GRAB_PX + 0.5), undefined],
    ['past the end of the line, beyond the handle, nothing', pt(190, 100), undefined],
  ])('%s', (_, point, expected) => {
    const hit = hitTest([bidirectional], point, toCanvas);
    if (expected === undefined) expect(hit).toBeUndefined();
    else expect(hit).toMatchObject(expected as object);
  });

  it('the nearest handle wins', () => {
    const a = shape({ id: 'a', longAxis: seg(10, 10, 20, 10) });
    const b = shape({ id: 'b', longAxis: seg(12, 10, 30, 10) });
    expect(hitTest([a, b], pt(23, 20), toCanvas)).toMatchObject({ shape: { id: 'b' }, handle: 'longStart' });
  });

  it('on a tie the selected shape wins', () => {
    const a = shape({ id: 'a', longAxis: seg(10, 10, 20, 10) });
    const b = shape({ id: 'b', longAxis: seg(10, 10, 30, 30), selected: true });
    expect(hitTest([a, b], pt(20, 20), toCanvas)).toMatchObject({ shape: { id: 'b' } });
  });

  it('a locked measurement has no handles, only its line to select it by', () => {
    expect(hitTest([shape({ editable: false })], pt(200, 200), toCanvas)).toMatchObject({ part: 'line' });
  });

  it('handles are found on the screen: at 4x zoom, 6 screen px is 1.5 image px', () => {
    const g = geometry();
    const zoomed = view({ scale: 4 });
    const target = shape({ longAxis: seg(100, 100, 140, 100) });
    const screen = (p: { x: number; y: number }) => imageToCanvas(zoomed, g, p);
    const end = screen(pt(140, 100));
    expect(hitTest([target], { x: end.x + 5.9, y: end.y }, screen)).toMatchObject({ part: 'handle' });
    expect(hitTest([target], { x: end.x + 6.1, y: end.y }, screen)).toBeUndefined();
  });
});

describe('distanceToSegment', () => {
  it.each<[string, { x: number; y: number }, number]>([
    ['beside the middle', pt(5, 3), 3],
    ['beyond an end, to that end', pt(13, 4), 5],
    ['on it', pt(7, 0), 0],
  ])('%s', (_, p, d) => expect(distanceToSegment(p, pt(0, 0), pt(10, 0))).toBeCloseTo(d, 12));
  it('a segment without length is a point', () => expect(distanceToSegment(pt(3, 4), pt(0, 0), pt(0, 0))).toBe(5));
});
