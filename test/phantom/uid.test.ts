import { describe, expect, it } from 'vitest';
import { formatDs } from '../../src/phantom/ctDataset';
import { uidFromName } from '../../src/phantom/uid';

describe('deterministic 2.25 UIDs (DICOM PS3.5 B.2)', () => {
  it('are the same for the same name and differ between names', () => {
    expect(uidFromName('RR-0001/baseline/study')).toBe(uidFromName('RR-0001/baseline/study'));
    expect(uidFromName('RR-0001/baseline/study')).not.toBe(uidFromName('RR-0001/followup-3m/study'));
  });

  it.each(['a', 'RR-0001/baseline/series/2/instance/40', 'x'.repeat(200)])('are valid UIDs: %s', (name) => {
    const uid = uidFromName(name);
    expect(uid).toMatch(/^2\.25\.(0|[1-9][0-9]*)$/);
    expect(uid.length).toBeLessThanOrEqual(64);
    const value = BigInt(uid.slice(5));
    expect(value < 1n << 128n).toBe(true);
    expect((value >> 76n) & 0xfn).toBe(8n); // UUID version 8
    expect((value >> 62n) & 0x3n).toBe(2n); // RFC variant
  });
});

describe('decimal strings (DS) are short and exact', () => {
  it.each([
    [-191.25, '-191.25'],
    [1.5, '1.5'],
    [0.1 + 0.2, '0.3'],
    [-0, '0'],
    [-1024, '-1024'],
  ])('%s -> %s', (value, text) => expect(formatDs(value)).toBe(text));
});
