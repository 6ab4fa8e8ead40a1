// What every codec reads and gives: one frame's pixel layout in, its pixels out. A file of its own, so a decoder
// never imports the dispatcher (decodeFrame.ts) that imports it.

/** What the dataset says about one frame's pixels (group 0028). */
export interface FrameInfo {
  readonly rows: number;
  readonly columns: number;
  readonly bitsAllocated: 8 | 16;
  readonly bitsStored: number;
  readonly pixelRepresentation: 'unsigned' | 'signed';
  readonly samplesPerPixel: 1 | 3;
  /** MONOCHROME1/2, RGB, YBR_FULL, YBR_FULL_422, YBR_ICT, YBR_RCT (PALETTE COLOR is not read). */
  readonly photometricInterpretation: string;
  readonly planarConfiguration: 0 | 1;
}

export type DecodedPixels = Int16Array | Uint16Array | Uint8Array | Int8Array;

export interface DecodedFrame {
  /**
   * Greyscale: stored values (before the modality LUT), one per pixel, sign-extended when BitsStored < BitsAllocated
   * and signed. Colour: RGB interleaved Uint8Array (YBR converted to RGB, planar converted to interleaved).
   */
  readonly pixels: DecodedPixels;
  readonly samplesPerPixel: 1 | 3;
}
