// Every transfer syntax of the issue, on real sample slices: transcoded by dcmtk or gdcm, decoded by decodeFrame,
// compared with the same tool's own decode (exact for lossless) and, where the codec promises a bound, the source.
import { afterAll, describe, expect, it } from 'vitest';
import { maxAbsDifference, transcode, type TranscodeCase } from './fixtures/transcode';
import { grey8, rgb8, SAMPLE_SLICE, signed12, signed16, twoFrames, unsigned12, unsigned16 } from './fixtures/sampleImages';
import { missingTools, workdir } from './fixtures/tools';

const RLE = '1.2.840.10008.1.2.5';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const JPEG_EXTENDED = '1.2.840.10008.1.2.4.51';
const JPEG_LOSSLESS = '1.2.840.10008.1.2.4.57';
const JPEG_LOSSLESS_SV1 = '1.2.840.10008.1.2.4.70';
const JPEG_LS = '1.2.840.10008.1.2.4.80';
const JPEG_LS_NEAR = '1.2.840.10008.1.2.4.81';
const J2K_LOSSLESS = '1.2.840.10008.1.2.4.90';
const J2K = '1.2.840.10008.1.2.4.91';

const rle = { encode: ['dcmcrle'], transferSyntaxUid: RLE, decode: ['dcmdrle'], tolerance: 0, bound: 0 } as const;
const sv1 = { encode: ['dcmcjpeg', '+e1'], transferSyntaxUid: JPEG_LOSSLESS_SV1, decode: ['dcmdjpeg'], tolerance: 0, bound: 0 } as const;
const jpegLs = { encode: ['dcmcjpls'], transferSyntaxUid: JPEG_LS, decode: ['dcmdjpls'], tolerance: 0, bound: 0 } as const;
const j2k = { encode: ['gdcmconv', '--j2k'], transferSyntaxUid: J2K_LOSSLESS, decode: ['gdcmconv', '--raw'], tolerance: 0, bound: 0 } as const;

const CASES: readonly TranscodeCase[] = [
  { name: 'RLE, the sample slice as stored (signed, RescaleIntercept -1024)', source: () => SAMPLE_SLICE, ...rle },
  { name: 'RLE, signed 16-bit HU', source: signed16, ...rle },
  { name: 'RLE, RGB', source: rgb8, ...rle },
  { name: 'RLE, two frames', source: twoFrames, ...rle },
  { name: 'RLE, MONOCHROME1 passes through uninverted', source: () => unsigned16('MONOCHROME1'), ...rle },
  { name: 'JPEG baseline, 8-bit greyscale', source: grey8, encode: ['dcmcjpeg', '+eb'], transferSyntaxUid: JPEG_BASELINE, decode: ['dcmdjpeg'], tolerance: 1 },
  { name: 'JPEG baseline, RGB', source: rgb8, encode: ['dcmcjpeg', '+eb', '+cr'], transferSyntaxUid: JPEG_BASELINE, decode: ['dcmdjpeg'], tolerance: 1 },
  { name: 'JPEG baseline, YBR_FULL_422', source: rgb8, encode: ['dcmcjpeg', '+eb'], transferSyntaxUid: JPEG_BASELINE, decode: ['dcmdjpeg'], tolerance: 1 },
  { name: 'JPEG extended, 12 bits stored in 16', source: unsigned12, encode: ['dcmcjpeg', '+ee'], transferSyntaxUid: JPEG_EXTENDED, decode: ['dcmdjpeg'], tolerance: 1 },
  { name: 'JPEG extended, 12 bits at quality 50', source: unsigned12, encode: ['dcmcjpeg', '+ee', '+q', '50'], transferSyntaxUid: JPEG_EXTENDED, decode: ['dcmdjpeg'], tolerance: 1 },
  { name: 'JPEG extended, 8-bit greyscale', source: grey8, encode: ['dcmcjpeg', '+ee'], transferSyntaxUid: JPEG_EXTENDED, decode: ['dcmdjpeg'], tolerance: 1 },
  { name: 'JPEG lossless process 14, signed 16-bit HU', source: signed16, ...sv1, encode: ['dcmcjpeg', '+el'], transferSyntaxUid: JPEG_LOSSLESS },
  { name: 'JPEG lossless SV1, signed 16-bit HU', source: signed16, ...sv1 },
  { name: 'JPEG lossless SV1, signed 12 bits stored in 16', source: signed12, ...sv1 },
  { name: 'JPEG lossless SV1, unsigned 12 bits stored in 16', source: unsigned12, ...sv1 },
  { name: 'JPEG lossless SV1, RGB', source: rgb8, ...sv1 },
  { name: 'JPEG-LS lossless, signed 16-bit HU', source: signed16, ...jpegLs },
  { name: 'JPEG-LS lossless, signed 12 bits stored in 16', source: signed12, ...jpegLs },
  { name: 'JPEG-LS lossless, two frames', source: twoFrames, ...jpegLs },
  { name: 'JPEG-LS lossless, RGB line-interleaved', source: rgb8, ...jpegLs },
  { name: 'JPEG-LS lossless, RGB not interleaved', source: rgb8, ...jpegLs, encode: ['dcmcjpls', '+in'] },
  { name: 'JPEG-LS lossless, RGB sample-interleaved', source: rgb8, ...jpegLs, encode: ['dcmcjpls', '+is'] },
  { name: 'JPEG-LS lossless, MONOCHROME1', source: () => unsigned16('MONOCHROME1'), ...jpegLs },
  { name: 'JPEG-LS near-lossless (NEAR 2), unsigned 16-bit', source: () => unsigned16(), ...jpegLs, encode: ['dcmcjpls', '+en'], transferSyntaxUid: JPEG_LS_NEAR, bound: 2 },
  { name: 'JPEG 2000 lossless, signed 16-bit HU', source: signed16, ...j2k },
  { name: 'JPEG 2000 lossless, unsigned 12 bits stored in 16', source: unsigned12, ...j2k },
  { name: 'JPEG 2000 lossless, RGB', source: rgb8, ...j2k },
  { name: 'JPEG 2000 lossy, signed 16-bit HU', source: signed16, ...j2k, encode: ['gdcmconv', '--j2k', '--lossy', '-q', '30'], transferSyntaxUid: J2K, tolerance: 1, bound: undefined },
];

const skip = missingTools('dcmcrle', 'dcmdrle', 'dcmcjpeg', 'dcmdjpeg', 'dcmcjpls', 'dcmdjpls', 'gdcmconv');
if (skip) console.warn(`Skipping codec transcoding tests: ${skip}`);

describe.skipIf(skip !== undefined)('decodeFrame on dcmtk/gdcm-transcoded sample slices', () => {
  const dir = workdir();
  afterAll(() => dir.remove());

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_, c, i) => {
    const { encoded, decoded, reference, source } = await transcode(dir, c, `case${i}`);
    expect(encoded.transferSyntaxUid).toBe(c.transferSyntaxUid);
    expect(decoded).toHaveLength(reference.length);
    decoded.forEach((frame, f) => {
      const expected = reference[f] as ArrayLike<number>;
      expect(frame.pixels.constructor).toBe(expected.constructor);
      expect(maxAbsDifference(frame.pixels, expected), `frame ${f} against the tool's decode`).toBeLessThanOrEqual(c.tolerance);
      if (c.bound !== undefined) {
        expect(maxAbsDifference(frame.pixels, source[f] as ArrayLike<number>), `frame ${f} against the source`).toBeLessThanOrEqual(c.bound);
      }
    });
  });
});
