// A slice's pixels as the viewer asks for them: decoded on demand, once, and then at hand without waiting.
import { ok, type Result } from '../shared/result';
import type { StoredPixels } from './pixelTypes';
import type { DicomError } from './dicomError';
import { storedRange, type StoredRange } from './storedRange';

/**
 * One decoded frame. Greyscale keeps stored integers (modality LUT applied at display), with padding already replaced
 * by the minimum and the true range of what remains. Colour is RGB, interleaved, 8 bits per sample.
 */
export type DecodedSlice =
  | { readonly kind: 'greyscale'; readonly pixels: StoredPixels; readonly minStored: number; readonly maxStored: number }
  | { readonly kind: 'colour'; readonly rgb: Uint8Array };

/**
 * A greyscale slice. Without `range` (decoding had no reason to look at every value), minStored and maxStored are
 * found on first read and kept: a parse that only wants the pixels (`recist inspect`, Node tools) never pays for a pass
 * over them. They are own enumerable getters, so spreading or structured-cloning the slice reads them like fields; the
 * loading worker does so before it posts (see plainSlice), so the app's main thread never runs that pass.
 */
export function greyscaleSlice(pixels: StoredPixels, range: StoredRange | undefined): DecodedSlice {
  let known = range;
  const found = (): StoredRange => (known ??= storedRange(pixels));
  return {
    kind: 'greyscale',
    pixels,
    get minStored() {
      return found().min;
    },
    get maxStored() {
      return found().max;
    },
  };
}

/** The slice as plain fields (its range found now if it was left for later): what goes in a message. */
export const plainSlice = (slice: DecodedSlice): DecodedSlice => ({ ...slice });

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
