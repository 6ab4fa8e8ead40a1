/**
 * Thrown inside the 12-bit JPEG decoder's loops, where threading a Result through every bit read would cost speed
 * and clarity, and turned into a CORRUPT_PIXEL_DATA value at its one entry point (decodeJpeg12.ts).
 */
export class CorruptJpeg extends Error {
  override readonly name = 'CorruptJpeg';
}
