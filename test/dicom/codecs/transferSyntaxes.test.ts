// Which transfer syntaxes the loader may hand to decodeFrame, and which it reads natively.
import { describe, expect, it } from 'vitest';
import { isCompressedTransferSyntax, isSupportedTransferSyntax } from '../../../src/dicom/codecs/decodeFrame';
import { streamEnd } from '../../../src/dicom/codecs/streamEnd';

describe('transfer syntaxes', () => {
  const compressed = ['.1.2.5', '.1.2.4.50', '.1.2.4.51', '.1.2.4.57', '.1.2.4.70', '.1.2.4.80', '.1.2.4.81', '.1.2.4.90', '.1.2.4.91'];
  const native = ['.1.2', '.1.2.1', '.1.2.2'];
  const uid = (suffix: string) => `1.2.840.10008${suffix}`;

  it.each(compressed.map(uid))('%s is compressed and supported', (u) => {
    expect(isCompressedTransferSyntax(u)).toBe(true);
    expect(isSupportedTransferSyntax(u)).toBe(true);
  });

  it.each([...native, '.1.2.1.99'].map(uid))('%s is supported and not compressed (no frame codec)', (u) => {
    expect(isCompressedTransferSyntax(u)).toBe(false);
    expect(isSupportedTransferSyntax(u)).toBe(true);
  });

  it.each(['.1.2.4.100', '.1.2.4.55', '.1.2.4.201', '.1.2.4.91.1', ''].map(uid).concat('toString'))('%s is not supported', (u) => {
    expect(isCompressedTransferSyntax(u)).toBe(false);
    expect(isSupportedTransferSyntax(u)).toBe(false);
  });
});

describe('streamEnd (a stream cut short lacks its EOI/EOC; padding after it is allowed)', () => {
  it.each([
    ['ends with FF D9', [1, 0xff, 0xd9], 3],
    ['one pad byte after it', [1, 0xff, 0xd9, 0], 3],
    ['dcmcjpls pads with an extra FF before it', [1, 0xff, 0xff, 0xd9], 4],
    ['0xFF fill bytes after EOI (pydicom JPEG-lossy.dcm, JPGExtended.dcm)', [1, 0xff, 0xd9, 0xff, 0xff, 0xff], 3],
    ['a long run of 0xFF and 0x00 after EOI', [1, 0xff, 0xd9, ...new Array<number>(600).fill(0xff), 0], 3],
    ['cut inside the data', [0xff, 0xd9, 1, 2], undefined],
    ['cut inside the data, ending in 0xFF', [0xff, 0xd8, 1, 0xff], undefined],
    ['empty', [], undefined],
    ['only zeros', [0, 0, 0, 0], undefined],
    ['only 0xFF', [0xff, 0xff, 0xff], undefined],
  ])('%s', (_, bytes, expected) => {
    expect(streamEnd(Uint8Array.from(bytes), 0xd9)).toBe(expected);
  });
});
