// Colour samples to interleaved RGB, for decoded frames and native pixel data alike (PS3.3 C.7.6.3.1.2-3).
import { ok, type Result } from '../../shared/result';
import { unsupported, type CodecError } from './codecError';
import type { FrameInfo } from './frameTypes';

/** PlanarConfiguration 1 (RRR...GGG...BBB...) to 0 (RGBRGB...). */
export function planarToInterleaved(planes: Uint8Array, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount * 3);
  for (let i = 0, j = 0; i < pixelCount; i++, j += 3) {
    out[j] = planes[i] as number;
    out[j + 1] = planes[pixelCount + i] as number;
    out[j + 2] = planes[2 * pixelCount + i] as number;
  }
  return out;
}

/** YBR_FULL (interleaved Y Cb Cr, full range, ITU-R BT.601 matrix as in PS3.3 C.7.6.3.1.2) to RGB, as a new array. */
export function ybrFullToRgb(ybr: Uint8Array): Uint8Array {
  const out = new Uint8Array(ybr.length);
  for (let i = 0; i + 2 < ybr.length; i += 3) {
    writeRgb(out, i, ybr[i] as number, ybr[i + 1] as number, ybr[i + 2] as number);
  }
  return out;
}

/**
 * Native YBR_FULL_422: each two horizontal pixels are stored as Y1 Y2 Cb Cr (PS3.3 C.7.6.3.1.2), so a row of
 * `columns` pixels takes 2 * columns bytes. Columns is even for this photometric interpretation.
 */
export function ybrFull422ToRgb(packed: Uint8Array, columns: number, rows: number): Uint8Array {
  const out = new Uint8Array(columns * rows * 3);
  const pairs = (columns * rows) >> 1;
  for (let p = 0; p < pairs; p++) {
    const s = p * 4;
    const cb = packed[s + 2] as number;
    const cr = packed[s + 3] as number;
    writeRgb(out, p * 6, packed[s] as number, cb, cr);
    writeRgb(out, p * 6 + 3, packed[s + 1] as number, cb, cr);
  }
  return out;
}

function writeRgb(out: Uint8Array, at: number, y: number, cb: number, cr: number): void {
  // Uint8Array clamps nothing (it wraps), so clamp here; Math.round matches the usual decoders to within 1.
  out[at] = clamp(y + 1.402 * (cr - 128));
  out[at + 1] = clamp(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
  out[at + 2] = clamp(y + 1.772 * (cb - 128));
}

const clamp = (v: number): number => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));

/**
 * One native (uncompressed) 8-bit colour frame to interleaved RGB, whatever its photometric interpretation and
 * planar configuration. YBR_ICT, YBR_RCT and YBR_PARTIAL_* exist only inside compressed streams; PALETTE COLOR
 * needs the palette, which is not ours.
 */
export function nativeColourToRgb(samples: Uint8Array, info: FrameInfo): Result<Uint8Array, CodecError> {
  const pixelCount = info.rows * info.columns;
  const interleaved = () => (info.planarConfiguration === 1 ? planarToInterleaved(samples, pixelCount) : samples);
  switch (info.photometricInterpretation) {
    case 'RGB':
      return ok(interleaved());
    case 'YBR_FULL':
      return ok(ybrFullToRgb(interleaved()));
    case 'YBR_FULL_422':
      return ok(ybrFull422ToRgb(samples, info.columns, info.rows));
    default:
      return unsupported(`native colour pixel data with photometric interpretation ${info.photometricInterpretation}`);
  }
}
