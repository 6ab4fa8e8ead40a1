// A slice's pixels as the viewer asks for them: decoded on demand, once, and then at hand without waiting.
import { ok, type Result } from '../shared/result';
import type { StoredPixels } from './ctInstance';
import type { DicomError } from './dicomError';

/**
 * One decoded frame. Greyscale keeps stored integers (modality LUT applied at display), with padding already replaced
 * by the minimum and the true range of what remains. Colour is RGB, interleaved, 8 bits per sample.
 */
export type DecodedSlice =
  | { readonly kind: 'greyscale'; readonly pixels: StoredPixels; readonly minStored: number; readonly maxStored: number }
  | { readonly kind: 'colour'; readonly rgb: Uint8Array };

export const decodedByteLength = (slice: DecodedSlice): number =>
  slice.kind === 'greyscale' ? slice.pixels.byteLength : slice.rgb.byteLength;

/**
 * `display`: someone is waiting to see it (goes first, newest request first, so fast scrolling lands on the slice the
 * reader stopped at); `prefetch`: background work in the order asked.
 */
export type PixelUrgency = 'display' | 'prefetch';

export interface SlicePixels {
  /** The decoded slice when it is at hand now, so scrolling through decoded slices never waits. */
  peek(): DecodedSlice | undefined;
  /** Decodes the slice, or joins (and, for `display`, hurries) the decode already under way. */
  load(urgency?: PixelUrgency): Promise<Result<DecodedSlice, DicomError>>;
}

/** Pixels already decoded (a whole file read in memory, tests). */
export function decodedPixels(slice: DecodedSlice): SlicePixels {
  const result = Promise.resolve(ok(slice));
  return { peek: () => slice, load: () => result };
}
