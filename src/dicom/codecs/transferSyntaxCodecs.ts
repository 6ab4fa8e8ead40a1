// Which decoder reads which transfer syntax (PS3.5 section 10 and Annex A.4-A.5; PS3.6 Annex A for the UIDs).

/** Pixel data that needs no codec: the dataset's byte order is the pixel data's. */
export const NATIVE_TRANSFER_SYNTAXES: readonly string[] = [
  '1.2.840.10008.1.2', // Implicit VR Little Endian
  '1.2.840.10008.1.2.1', // Explicit VR Little Endian
  '1.2.840.10008.1.2.2', // Explicit VR Big Endian (retired)
];

/** The whole dataset is deflated (A.5); once inflated (inflateDeflatedDataset) its pixel data is native. */
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';

/** The decoders behind the encapsulated transfer syntaxes we read. */
export type FrameCodec = 'rle' | 'jpegBaseline' | 'jpegExtended' | 'jpegLossless' | 'jpegLs' | 'jpeg2000';

export const FRAME_CODECS: Readonly<Record<string, FrameCodec>> = {
  '1.2.840.10008.1.2.5': 'rle', // RLE Lossless
  '1.2.840.10008.1.2.4.50': 'jpegBaseline', // JPEG Baseline (Process 1), 8-bit
  '1.2.840.10008.1.2.4.51': 'jpegExtended', // JPEG Extended (Process 2 & 4), 8- or 12-bit
  '1.2.840.10008.1.2.4.57': 'jpegLossless', // JPEG Lossless, Non-Hierarchical (Process 14)
  '1.2.840.10008.1.2.4.70': 'jpegLossless', // JPEG Lossless, Process 14, Selection Value 1
  '1.2.840.10008.1.2.4.80': 'jpegLs', // JPEG-LS Lossless
  '1.2.840.10008.1.2.4.81': 'jpegLs', // JPEG-LS Lossy (Near-Lossless)
  '1.2.840.10008.1.2.4.90': 'jpeg2000', // JPEG 2000 (Lossless Only)
  '1.2.840.10008.1.2.4.91': 'jpeg2000', // JPEG 2000
};

export const frameCodecOf = (uid: string): FrameCodec | undefined =>
  Object.hasOwn(FRAME_CODECS, uid) ? FRAME_CODECS[uid] : undefined;
