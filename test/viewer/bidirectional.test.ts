import { describe, expect, it } from 'vitest';
import type { PixelSpacingMm } from '../../src/dicom/ctInstance';
import type { Segment } from '../../src/tracking/types';
import {
  initialShortAxis, moveHandle, moveLongAxisEnd, moveShortAxisEnd, shortAxisFrame, type HandleId,
} from '../../src/viewer/bidirectional';
import type { MeasurementAxes } from '../../src/viewer/measurementShape';
import { cosineMm, fractionAlong, lengthMm, offsetMm, pt, seeded, seg, SQUARE, TALL, WIDE } from './measurementFixtures';

const SPACINGS: readonly [string, PixelSpacingMm][] = [['square pixels', SQUARE], ['rows 2x apart', TALL], ['columns 1.5x apart', WIDE]];
const PERPENDICULAR = 1e-9;

/** The axes a bidirectional measurement has right after its long-axis drag. */
const drawn = (longAxis: Segment, spacing: PixelSpacingMm): Required<MeasurementAxes> =>
  ({ longAxis, shortAxis: initialShortAxis(longAxis, spacing) });

const shortOf = (axes: MeasurementAxes): Segment => {
  if (!axes.shortAxis) throw new Error('no short axis');
  return axes.shortAxis;
};

describe('the short axis a bidirectional measurement starts with (as cornerstone places it)', () => {
  it.each(SPACINGS)('%s: perpendicular in mm, through the midpoint, half as long', (_, spacing) => {
    for (const longAxis of [seg(10, 20, 90, 20), seg(10, 20, 10, 90), seg(30, 40, 95, 71), seg(200, 10, 120, 130)]) {
      const short = initialShortAxis(longAxis, spacing);
      expect(Math.abs(cosineMm(longAxis, short, spacing))).toBeLessThan(PERPENDICULAR);
      expect(lengthMm(short, spacing) / lengthMm(longAxis, spacing)).toBeCloseTo(0.5, 12);
      expect((short.start.x + short.end.x) / 2).toBeCloseTo((longAxis.start.x + longAxis.end.x) / 2, 9);
      expect((short.start.y + short.end.y) / 2).toBeCloseTo((longAxis.start.y + longAxis.end.y) / 2, 9);
    }
  });

  it('on non-square pixels it is not perpendicular in pixel units (the point of working in mm)', () => {
    const longAxis = seg(0, 0, 40, 40);
    const short = initialShortAxis(longAxis, TALL);
    const px = { x: short.end.x - short.start.x, y: short.end.y - short.start.y };
    expect(Math.abs(40 * px.x + 40 * px.y)).toBeGreaterThan(1);
  });

  it('a long axis without length gets a short axis without length', () => {
    const short = initialShortAxis(seg(5, 5, 5, 5), SQUARE);
    expect(lengthMm(short, SQUARE)).toBe(0);
  });
});

describe('moving a long-axis end: the short axis follows', () => {
  it.each(SPACINGS)('%s: it keeps its crossing fraction and both perpendicular distances, and stays perpendicular', (_, spacing) => {
    const random = seeded(7);
    for (let i = 0; i < 200; i++) {
      // A measurement whose short axis was already moved off the middle, unequal on its two sides.
      const start = drawn(seg(60, 60, 140, 90), spacing);
      const adjusted = moveShortAxisEnd(start, 'start', pt(95 + 20 * random(), 30 + 20 * random()), spacing);
      const end = random() < 0.5 ? 'start' : 'end';
      const to = pt(20 + 200 * random(), 20 + 200 * random());
      const moved = moveLongAxisEnd(adjusted, end, to, spacing);
      const before = shortAxisFrame(adjusted.longAxis, shortOf(adjusted), spacing);
      const after = shortAxisFrame(moved.longAxis, shortOf(moved), spacing);
      expect(moved.longAxis[end]).toEqual(to);
      expect(Math.abs(cosineMm(moved.longAxis, shortOf(moved), spacing))).toBeLessThan(PERPENDICULAR);
      expect(after?.crossing).toBeCloseTo(before?.crossing ?? NaN, 9);
      expect(offsetMm(moved.longAxis, shortOf(moved).start, spacing)).toBeCloseTo(offsetMm(adjusted.longAxis, shortOf(adjusted).start, spacing), 9);
      expect(offsetMm(moved.longAxis, shortOf(moved).end, spacing)).toBeCloseTo(offsetMm(adjusted.longAxis, shortOf(adjusted).end, spacing), 9);
    }
  });

  it('turning the long axis by 90 degrees turns the short axis with it', () => {
    const axes = drawn(seg(50, 50, 90, 50), SQUARE);
    const moved = moveLongAxisEnd(axes, 'end', pt(50, 90), SQUARE);
    expect(shortOf(moved).start.x).toBeCloseTo(40, 9);
    expect(shortOf(moved).end.x).toBeCloseTo(60, 9);
    expect(shortOf(moved).start.y).toBeCloseTo(70, 9);
  });

  it('a long axis alone just moves its end', () => {
    expect(moveLongAxisEnd({ longAxis: seg(1, 2, 3, 4) }, 'start', pt(9, 9), SQUARE)).toEqual({ longAxis: seg(9, 9, 3, 4) });
  });

  it('dragged onto its other end, the short axis keeps its direction rather than spinning', () => {
    const axes = drawn(seg(50, 50, 90, 50), SQUARE);
    const moved = moveLongAxisEnd(axes, 'end', pt(50, 50), SQUARE);
    const short = shortOf(moved);
    expect(short.start.x).toBeCloseTo(short.end.x, 9);
    expect(Number.isFinite(short.start.y)).toBe(true);
  });
});

describe('moving a short-axis end: it stays exactly perpendicular', () => {
  it.each(SPACINGS)('%s: re-laid through the pointer\'s projection; the other end keeps its distance on its side', (_, spacing) => {
    const random = seeded(11);
    for (let i = 0; i < 200; i++) {
      const axes = drawn(seg(40 + 20 * random(), 50, 160, 70 + 40 * random()), spacing);
      const end = random() < 0.5 ? 'start' : 'end';
      const other = end === 'start' ? 'end' : 'start';
      // Pointer anywhere on the moved end's own side, within the long axis' span.
      const f = 0.05 + 0.9 * random();
      const l = axes.longAxis;
      const onAxis = pt(l.start.x + f * (l.end.x - l.start.x), l.start.y + f * (l.end.y - l.start.y));
      const side = Math.sign(offsetMm(l, axes.shortAxis[end], spacing));
      const away = initialShortAxis(l, spacing);
      const direction = { x: away.start.x - away.end.x, y: away.start.y - away.end.y };
      const k = (0.2 + random()) * side * Math.sign(offsetMm(l, away.start, spacing));
      const to = pt(onAxis.x + k * direction.x + (random() - 0.5) * 0.001, onAxis.y + k * direction.y);

      const moved = moveShortAxisEnd(axes, end, to, spacing);
      const short = shortOf(moved);
      expect(moved.longAxis).toEqual(axes.longAxis);
      expect(Math.abs(cosineMm(l, short, spacing))).toBeLessThan(PERPENDICULAR);
      expect(fractionAlong(l, short[end], spacing)).toBeCloseTo(fractionAlong(l, to, spacing), 9);
      expect(offsetMm(l, short[end], spacing)).toBeCloseTo(offsetMm(l, to, spacing), 9);
      expect(offsetMm(l, short[other], spacing)).toBeCloseTo(offsetMm(l, axes.shortAxis[other], spacing), 9);
    }
  });

  it('a pointer off the perpendicular only slides the short axis along the long axis', () => {
    const axes = drawn(seg(0, 50, 100, 50), SQUARE); // short axis x = 50, from y 75 (start) to y 25 (end)
    const moved = moveShortAxisEnd(axes, 'start', pt(70, 90), SQUARE);
    expect(shortOf(moved).start).toEqual(pt(70, 90));
    expect(shortOf(moved).end.x).toBeCloseTo(70, 9);
    expect(shortOf(moved).end.y).toBeCloseTo(25, 9);
  });

  it.each<[string, { x: number; y: number }, { x: number; y: number }]>([
    ['past the long axis\' end, the crossing stops at the end', pt(130, 90), pt(100, 90)],
    ['before its start, at the start', pt(-30, 90), pt(0, 90)],
    ['across the long axis (the other end\'s side), the moved end stops on the long axis', pt(40, 20), pt(40, 50)],
  ])('%s', (_, to, expected) => {
    const axes = drawn(seg(0, 50, 100, 50), SQUARE); // short axis from y 75 (start) to y 25 (end)
    const short = shortOf(moveShortAxisEnd(axes, 'start', to, SQUARE));
    expect(short.start.x).toBeCloseTo(expected.x, 9);
    expect(short.start.y).toBeCloseTo(expected.y, 9);
    expect(short.end.y).toBeCloseTo(25, 9);
    expect(Math.abs(cosineMm(axes.longAxis, short, SQUARE))).toBeLessThan(PERPENDICULAR);
  });

  it('a long axis alone has no short-axis ends to move', () => {
    const axes = { longAxis: seg(0, 0, 10, 0) };
    expect(moveShortAxisEnd(axes, 'start', pt(5, 5), SQUARE)).toBe(axes);
  });
});

describe('every edit kind, one after another, keeps the axes perpendicular in mm', () => {
  it.each(SPACINGS)('%s', (_, spacing) => {
    const random = seeded(3);
    const handles: HandleId[] = ['longStart', 'longEnd', 'shortStart', 'shortEnd'];
    let axes: MeasurementAxes = drawn(seg(80, 80, 170, 120), spacing);
    for (let i = 0; i < 500; i++) {
      const handle = handles[Math.floor(random() * 4)] as HandleId;
      axes = moveHandle(axes, handle, pt(40 + 180 * random(), 40 + 180 * random()), spacing);
      if (lengthMm(shortOf(axes), spacing) > 1e-6 && lengthMm(axes.longAxis, spacing) > 1e-6) {
        expect(Math.abs(cosineMm(axes.longAxis, shortOf(axes), spacing))).toBeLessThan(PERPENDICULAR);
      }
    }
  });
});
