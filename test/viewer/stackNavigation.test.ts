import { describe, expect, it } from 'vitest';
import { sliceIndexForKey, wheelStep } from '../../src/viewer/stackNavigation';

describe('sliceIndexForKey (40 slices)', () => {
  it.each<[string, number, number | undefined]>([
    ['ArrowDown', 0, 1],
    ['ArrowUp', 5, 4],
    ['ArrowUp', 0, 0],
    ['ArrowDown', 39, 39],
    ['PageDown', 0, 4],
    ['PageDown', 38, 39],
    ['PageUp', 10, 6],
    ['PageUp', 2, 0],
    ['Home', 17, 0],
    ['End', 3, 39],
    ['a', 3, undefined],
    ['ArrowLeft', 3, undefined],
  ])('%s from %i -> %s', (key, index, expected) => expect(sliceIndexForKey(key, index, 40)).toBe(expected));

  it('a page is at least one slice in a short stack', () => expect(sliceIndexForKey('PageDown', 0, 3)).toBe(1));
  it('an empty stack moves nowhere', () => expect(sliceIndexForKey('ArrowDown', 0, 0)).toBeUndefined());
});

describe('wheelStep', () => {
  it.each<[string, number, number, number, -1 | 0 | 1, number]>([
    // name, carry, deltaY, deltaMode, step, carry after
    ['a Chromium notch down (100 px) is one slice on', 0, 100, 0, 1, 0],
    ['a Chromium notch up is one slice back', 0, -100, 0, -1, 0],
    ['a large notch (Windows 120, hi-res 300) is still one slice', 0, 300, 0, 1, 0],
    ['a Linux notch of 53 px is one slice', 0, 53, 0, 1, 0],
    ['Firefox: 3 lines is one slice', 0, 3, 1, 1, 0],
    ['a small trackpad move accumulates', 0, 15, 0, 0, 15],
    ['and steps once enough has accumulated', 30, 15, 0, 1, 5],
    ['a reversal drops the carry', 30, -15, 0, 0, -15],
    ['a horizontal-only event keeps the carry', 30, 0, 0, 0, 30],
  ])('%s', (_, carry, deltaY, mode, step, carryAfter) => {
    expect(wheelStep(carry, deltaY, mode)).toEqual({ step, carryPx: carryAfter });
  });
});
