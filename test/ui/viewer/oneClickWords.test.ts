import { describe, expect, it } from 'vitest';
import { proposalWords, segmentRefusalWords } from '../../../src/ui/viewer/oneClickWords';

describe('one-click in words', () => {
  it.each(['NO_EDGE', 'LEAKS', 'TOO_SMALL'] as const)('a click where nothing separates (%s) says so and sends the reader to the hand tools', (code) => {
    const words = segmentRefusalWords({ code, detail: 'figures for the bench' });
    expect(words).toMatch(/^No lesion could be separated here: /);
    expect(words).toContain('click inside the lesion, or draw it by hand (B)');
    expect(words).not.toContain('figures for the bench');
  });

  it('a proposal names its lesion, its lengths and the keys that act on it', () => {
    expect(proposalWords('T1', '32.7 × 23.8 mm', false)).toBe('Proposed for T1: 32.7 × 23.8 mm. Enter accepts it, Esc discards it, drag a handle to adjust; a click elsewhere also accepts it.');
    expect(proposalWords('new target', '12.0 × 9.0 mm', true)).toMatch(/^Suggested for a new target: 12\.0 × 9\.0 mm\./);
  });
});
