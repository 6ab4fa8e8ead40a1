/**
 * Where a JPEG-family stream (JPEG, JPEG-LS: EOI; JPEG 2000: EOC; both FF D9) ends: the length up to and including
 * its closing marker, or undefined when it has none. After the marker any number of 0x00 or 0xFF bytes may follow:
 * zero pads a fragment to even length (PS3.5 A.4), and 0xFF fill bytes after EOI are allowed by JPEG (T.81 B.1.1.2)
 * and common in real files (pydicom's JPEG-lossy.dcm, JPGExtended.dcm). A stream with no closing marker was cut short
 * in transfer or storage; decoders fill the missing part with grey and carry on, which a reader must not measure on.
 */
export function streamEnd(frame: Uint8Array, marker: number): number | undefined {
  let end = frame.length;
  while (end > 0 && (frame[end - 1] === 0 || frame[end - 1] === 0xff)) end--;
  // The marker's own 0xFF was walked over only when the padding ran up to it; its second byte stops the walk.
  return end >= 2 && frame[end - 2] === 0xff && frame[end - 1] === marker ? end : undefined;
}
