// Deflated Explicit VR Little Endian (PS3.5 A.5): dcmtk deflates the sample slice; inflated, dicom-parser reads it
// as explicit little endian and its pixels are the original's.
import { readFileSync } from 'node:fs';
import dicomParser from 'dicom-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateDeflatedDataset } from '../../../src/dicom/codecs/inflateDeflatedDataset';
import { fixtureFromBytes, nativeFrames, readFixture } from './fixtures/readFixture';
import { SAMPLE_SLICE } from './fixtures/sampleImages';
import { missingTools, workdir } from './fixtures/tools';

const skip = missingTools('dcmconv');
if (skip) console.warn(`Skipping deflated-dataset tests: ${skip}`);

describe.skipIf(skip !== undefined)('inflateDeflatedDataset', () => {
  const dir = workdir();
  let deflated: Uint8Array;
  beforeAll(() => {
    dir.run('dcmconv', '+td', SAMPLE_SLICE.pathname, 'deflated.dcm');
    deflated = new Uint8Array(readFileSync(dir.path('deflated.dcm')));
  });
  afterAll(() => dir.remove());

  it('the fixture really is deflated, and smaller', () => {
    expect(dicomParser.readPart10Header(deflated).string('x00020010')).toBe('1.2.840.10008.1.2.1.99');
    expect(deflated.length).toBeLessThan(readFileSync(SAMPLE_SLICE).length);
  });

  it('inflates to a file dicom-parser reads as Explicit VR Little Endian, attributes and pixels intact', () => {
    const inflated = inflateDeflatedDataset(deflated);
    expect(inflated.ok).toBe(true);
    if (!inflated.ok) return;
    const ours = fixtureFromBytes(inflated.value);
    const original = readFixture(SAMPLE_SLICE.pathname);
    expect(ours.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(ours.dataSet.string('x00080018')).toBe(original.dataSet.string('x00080018'));
    expect(ours.dataSet.string('x00281052')).toBe('-1024');
    expect(ours.info).toEqual(original.info);
    expect(nativeFrames(ours)).toEqual(nativeFrames(original));
  });

  it('keeps the File Meta group length true to the rewritten group', () => {
    const inflated = inflateDeflatedDataset(deflated);
    if (!inflated.ok) throw new Error(inflated.error.detail);
    const meta = dicomParser.readPart10Header(inflated.value);
    const groupLength = meta.uint32('x00020000') ?? 0;
    const groupEnd = (meta.elements.x00020000?.dataOffset ?? 0) + 4 + groupLength;
    // The first dataset element, (0008,0005) in the sample, starts right where the group length says the group ends.
    expect([inflated.value[groupEnd], inflated.value[groupEnd + 1], inflated.value[groupEnd + 2]]).toEqual([0x08, 0x00, 0x05]);
  });

  it.each([
    ['a deflate stream cut short', () => deflated.slice(0, deflated.length - 500)],
    ['scrambled deflate data', () => deflated.map((b, i) => (i > 400 && i < 600 ? b ^ 0x5a : b))],
    ['bytes that are not Part 10', () => new Uint8Array(300)],
  ])('%s is CORRUPT_PIXEL_DATA', (_, bytes) => {
    const inflated = inflateDeflatedDataset(bytes());
    expect(inflated.ok ? 'inflated' : inflated.error.code).toBe('CORRUPT_PIXEL_DATA');
  });
});
