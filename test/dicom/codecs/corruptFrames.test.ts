// Bad frames are data, not crashes: truncated, scrambled or misdescribed frames resolve to CORRUPT_PIXEL_DATA and
// unknown syntaxes to UNSUPPORTED_TRANSFER_SYNTAX; decodeFrame never throws for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, type FrameInfo } from '../../../src/dicom/codecs/decodeFrame';
import { encodeOnePerCodec, type EncodedFrame } from './fixtures/encodedFrames';
import { missingTools, workdir } from './fixtures/tools';

const skip = missingTools('dcmcrle', 'dcmcjpeg', 'dcmcjpls', 'gdcmconv');
if (skip) console.warn(`Skipping corrupt-frame tests: ${skip}`);

const NAMES = ['RLE', 'JPEG baseline', 'JPEG extended 12-bit', 'JPEG lossless', 'JPEG-LS', 'JPEG 2000'];

/** A small deterministic PRNG (mulberry32), so a scrambled frame is the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(skip !== undefined)('decodeFrame on broken frames', () => {
  const dir = workdir();
  let frames: Map<string, EncodedFrame>;
  beforeAll(() => void (frames = new Map(encodeOnePerCodec(dir).map((f) => [f.name, f]))));
  afterAll(() => dir.remove());
  const get = (name: string) => frames.get(name) as EncodedFrame;

  it.each(NAMES)('%s: the untouched frame decodes (the baseline for the cases below)', async (name) => {
    const { fixture, frame } = get(name);
    expect((await decodeFrame(fixture.transferSyntaxUid, frame, fixture.info)).ok).toBe(true);
  });

  it.each(NAMES)('%s: a frame cut short is CORRUPT_PIXEL_DATA', async (name) => {
    const { fixture, frame } = get(name);
    for (const keep of [0, 10, 0.5, 0.9, frame.length - 3]) {
      const cut = frame.slice(0, keep < 1 ? Math.floor(frame.length * keep) : keep);
      const result = await decodeFrame(fixture.transferSyntaxUid, cut, fixture.info);
      expect(result.ok ? 'decoded' : result.error.code, `kept ${cut.length} of ${frame.length} bytes`).toBe('CORRUPT_PIXEL_DATA');
    }
  });

  it.each(NAMES)('%s: scrambled bytes inside the stream never throw', async (name) => {
    const { fixture, frame } = get(name);
    const random = prng(NAMES.indexOf(name) + 1);
    for (let round = 0; round < 5; round++) {
      const scrambled = frame.slice();
      const from = 100 + Math.floor(random() * (frame.length / 2));
      for (let i = from; i < Math.min(from + 200, frame.length - 4); i++) scrambled[i] = Math.floor(random() * 256);
      const result = await decodeFrame(fixture.transferSyntaxUid, scrambled, fixture.info);
      // Entropy-coded data has no checksum: some scrambles decode to wrong pixels, which no decoder can know.
      if (!result.ok) expect(result.error.code).toBe('CORRUPT_PIXEL_DATA');
    }
    // Whatever the scrambles did to a WASM module, the next good frame still decodes.
    expect((await decodeFrame(fixture.transferSyntaxUid, frame, fixture.info)).ok).toBe(true);
  });

  it.each(NAMES)('%s: a frame whose size disagrees with Rows/Columns is refused (RLE states no size: it runs short)', async (name) => {
    const { fixture, frame } = get(name);
    const info: FrameInfo = { ...fixture.info, rows: fixture.info.rows * 2 };
    const result = await decodeFrame(fixture.transferSyntaxUid, frame, info);
    expect(result.ok ? 'decoded' : result.error.code).toBe(name === 'RLE' ? 'CORRUPT_PIXEL_DATA' : 'SIZE_MISMATCH');
  });
});

describe('decodeFrame on syntaxes it does not read', () => {
  const info: FrameInfo = {
    rows: 2, columns: 2, bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 'unsigned',
    samplesPerPixel: 1, photometricInterpretation: 'MONOCHROME2', planarConfiguration: 0,
  };

  it.each([
    ['MPEG2 Main Profile', '1.2.840.10008.1.2.4.100'],
    ['HEVC', '1.2.840.10008.1.2.4.107'],
    ['JPEG progressive (retired)', '1.2.840.10008.1.2.4.55'],
    ['HTJ2K', '1.2.840.10008.1.2.4.201'],
    ['a native syntax (its pixels need no codec)', '1.2.840.10008.1.2.1'],
    ['not a UID', 'hello'],
  ])('%s is UNSUPPORTED_TRANSFER_SYNTAX', async (_, uid) => {
    const result = await decodeFrame(uid, new Uint8Array(16), info);
    expect(result.ok ? 'decoded' : result.error.code).toBe('UNSUPPORTED_TRANSFER_SYNTAX');
  });

  it('16-bit colour is UNSUPPORTED_TRANSFER_SYNTAX (the frame contract is 8-bit RGB)', async () => {
    const result = await decodeFrame('1.2.840.10008.1.2.5', new Uint8Array(64), { ...info, samplesPerPixel: 3, bitsAllocated: 16, bitsStored: 16 });
    expect(result.ok ? 'decoded' : result.error.code).toBe('UNSUPPORTED_TRANSFER_SYNTAX');
  });
});
