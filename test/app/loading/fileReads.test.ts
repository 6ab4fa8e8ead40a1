import { describe, expect, it } from 'vitest';
import { readParts } from '../../../src/app/loading/fileReads';
import { blobOf } from './fileFixtures';

describe('readParts: several files, whole or in part, read as one', () => {
  it('whole files, a range, and a range to the end, each found at its start in the bytes read', async () => {
    const a = blobOf(new Uint8Array([1, 2, 3]));
    const b = blobOf(new Uint8Array([10, 11, 12, 13, 14]));
    const { bytes, starts } = await readParts([
      { name: 'a', blob: a },
      { name: 'b', blob: b, range: { start: 1, end: 3 } },
      { name: 'b', blob: b, range: { start: 3 } },
    ]);
    expect(starts).toEqual([0, 3, 5]);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 11, 12, 13, 14]);
  });

  it('one whole file is read as it is (no slice, no new Blob)', async () => {
    const file = blobOf(new Uint8Array([7, 8]));
    const sliced: unknown[] = [];
    const watched = new Proxy(file, { get: (target, key) => (key === 'slice' ? (...args: unknown[]) => (sliced.push(args), target.slice()) : Reflect.get(target, key, target)) });
    const { bytes } = await readParts([{ name: 'one', blob: watched }]);
    expect([Array.from(bytes), sliced]).toEqual([[7, 8], []]);
  });

  it('a range past the end of a short file gives what there is', async () => {
    const { bytes, starts } = await readParts([{ name: 's', blob: blobOf(new Uint8Array([5, 6])) }, { name: 't', blob: blobOf(new Uint8Array([9])), range: { start: 0, end: 8192 } }]);
    expect([Array.from(bytes), starts]).toEqual([[5, 6, 9], [0, 2]]);
  });
});
