/**
 * Whether a JPEG-family stream (JPEG, JPEG-LS: EOI; JPEG 2000: EOC; both FF D9) ends with its closing marker,
 * allowing the zero bytes that pad a fragment to even length. A stream without it was cut short in transfer or
 * storage; decoders fill the missing part with grey and carry on, which a reader must not measure on.
 */
export function endsWithMarker(frame: Uint8Array, marker: number): boolean {
  let end = frame.length;
  while (end > 0 && frame[end - 1] === 0 && frame.length - end < MAX_PADDING) end--;
  return end >= 2 && frame[end - 2] === 0xff && frame[end - 1] === marker;
}

// One pad byte is the standard (PS3.5 A.4); a few more are seen from sloppy writers.
const MAX_PADDING = 8;
