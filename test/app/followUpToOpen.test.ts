import { describe, expect, it } from 'vitest';
import { followUpToOpen } from '../../src/app/followUpToOpen';

const candidates = [
  { folder: 'followup-3m', studyDate: '2023-04-17' },
  { folder: 'followup-6m', studyDate: '2023-07-17' },
];

describe('the follow-up that opens after a reload', () => {
  it.each([
    ['the remembered one, even when signed off', 'followup-3m', ['2023-04-17'], 'followup-3m'],
    ['the first not signed off when none is remembered', undefined, ['2023-04-17'], 'followup-6m'],
    ['the first not signed off when the remembered one is gone', 'followup-9m', ['2023-04-17'], 'followup-6m'],
    ['the earliest when nothing is signed off', undefined, [], 'followup-3m'],
    ['the earliest when everything is signed off', undefined, ['2023-04-17', '2023-07-17'], 'followup-3m'],
  ] as const)('%s', (_rule, remembered, signedOff, expected) => {
    expect(followUpToOpen(candidates, remembered, new Set(signedOff))).toBe(expected);
  });

  it('none without follow-ups', () => {
    expect(followUpToOpen([], undefined, new Set())).toBeUndefined();
  });
});
