// The 12-bit JPEG extended decoder on hand-made streams, for what dcmtk's fixtures do not reach: restart
// intervals (T.81 E.2.4), blocks cropped at the image edge, the extremes of the 12-bit range.
import { describe, expect, it } from 'vitest';
import { decodeJpeg12 } from '../../../src/dicom/codecs/jpegExtended/decodeJpeg12';
import { flatJpeg12 } from './fixtures/flatJpeg12';

describe('decodeJpeg12', () => {
  const values = [0, 4095, 2048, 1234];

  it.each([
    ['with a restart marker after every block', true],
    ['with DC differences chained across blocks', false],
  ])('flat blocks %s decode to their values, cropped to 12 x 10', (_, restarts) => {
    const decoded = decodeJpeg12(flatJpeg12(12, 10, values, restarts));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const { width, height, precision, samples } = decoded.value;
    expect([width, height, precision]).toEqual([12, 10, 12]);
    const at = (x: number, y: number) => samples[y * 12 + x];
    expect([at(0, 0), at(7, 7), at(8, 0), at(11, 7), at(0, 8), at(7, 9), at(8, 8), at(11, 9)]).toEqual([0, 0, 4095, 4095, 2048, 2048, 1234, 1234]);
  });

  it('a missing restart marker is CORRUPT_PIXEL_DATA', () => {
    const stream = flatJpeg12(12, 10, values, true);
    const rst = stream.findIndex((b, i) => b === 0xff && stream[i + 1] === 0xd1);
    const broken = Uint8Array.from([...stream.subarray(0, rst), ...stream.subarray(rst + 2)]);
    const decoded = decodeJpeg12(broken);
    expect(decoded.ok ? 'decoded' : decoded.error.code).toBe('CORRUPT_PIXEL_DATA');
  });

  it.each([
    ['no SOI', (s: Uint8Array) => s.subarray(2)],
    ['a marker segment longer than the frame', (s: Uint8Array) => s.subarray(0, 30)],
    ['entropy-coded data cut short', (s: Uint8Array) => s.subarray(0, s.length - 6)],
  ])('%s is CORRUPT_PIXEL_DATA', (_, mangle) => {
    const decoded = decodeJpeg12(mangle(flatJpeg12(12, 10, values, true)));
    expect(decoded.ok ? 'decoded' : decoded.error.code).toBe('CORRUPT_PIXEL_DATA');
  });

  it('a progressive stream is UNSUPPORTED_TRANSFER_SYNTAX, not misread', () => {
    const stream = flatJpeg12(12, 10, values, true);
    stream[stream.findIndex((b, i) => b === 0xff && stream[i + 1] === 0xc1) + 1] = 0xc2;
    const decoded = decodeJpeg12(stream);
    expect(decoded.ok ? 'decoded' : decoded.error.code).toBe('UNSUPPORTED_TRANSFER_SYNTAX');
  });
});
