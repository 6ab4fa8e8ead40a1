import { describe, expect, it } from 'vitest';
import { ownBytes } from '../../../src/dicom/codecs/wasmCodec';

describe('pixels taken out of a codec', () => {
  it('an array with a buffer of its own (what the @cornerstonejs builds return) is taken as it is, not copied', () => {
    const returned = new Uint8ClampedArray([1, 2, 3, 4]);
    const bytes = ownBytes(returned);
    expect(bytes.buffer).toBe(returned.buffer);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4]);
  });

  it('a view into the module memory is copied, so freeing the decoder cannot change it', () => {
    const memory = new Uint8Array(64);
    const view = memory.subarray(8, 12);
    view.set([5, 6, 7, 8]);
    const bytes = ownBytes(view);
    memory.fill(0);
    expect(bytes.buffer).not.toBe(memory.buffer);
    expect(Array.from(bytes)).toEqual([5, 6, 7, 8]);
  });

  it('a view at the start of a larger memory is copied too', () => {
    const memory = new Uint8ClampedArray(64);
    const view = memory.subarray(0, 4);
    expect(ownBytes(view).buffer).not.toBe(memory.buffer);
  });
});
