import { describe, expect, it } from 'vitest';
import { MIN_THUMB_PX, sliceAtPointer, thumbFraction, thumbPx } from '../../../src/ui/viewer/scrollbarMath';

describe('thumbPx', () => {
  it.each<[number, number, number]>([
    [400, 10, 40],
    [400, 40, MIN_THUMB_PX],
    [400, 1000, MIN_THUMB_PX],
    [400, 1, 400],
    [10, 40, 10],
  ])('track %i px, %i slices -> %f px', (track, count, expected) => expect(thumbPx(track, count)).toBe(expected));
});

describe('sliceAtPointer (slice 1 at the top)', () => {
  // 40 slices on 424 px: thumb 24 px, 400 px of travel, 10.26 px per slice.
  it.each<[string, number, number]>([
    ['the very top is slice 1', 0, 0],
    ['the middle is the middle slice', 212, 20],
    ['the bottom is the last slice', 424, 39],
    ['above the track clamps to slice 1', -50, 0],
    ['below the track clamps to the last', 900, 39],
    ['the thumb centre at its first position is slice 1', 12, 0],
    ['one slice of travel further is slice 2', 12 + 400 / 39, 1],
  ])('%s', (_, y, expected) => expect(sliceAtPointer(y, 424, 40)).toBe(expected));

  it('a one-slice series is always slice 1', () => expect(sliceAtPointer(100, 400, 1)).toBe(0));
  it('a track shorter than the thumb stays at slice 1', () => expect(sliceAtPointer(5, 10, 40)).toBe(0));
});

describe('thumbFraction', () => {
  it.each<[number, number, number]>([[0, 40, 0], [39, 40, 1], [13, 27, 0.5], [0, 1, 0]])('%i of %i -> %f', (index, count, expected) => {
    expect(thumbFraction(index, count)).toBe(expected);
  });
});
