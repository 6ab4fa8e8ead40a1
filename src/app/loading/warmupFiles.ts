// The files the loading workers warm their codecs with (codecWarmup.ts), as URLs of built assets: the service
// worker precaches them with the app, so warming works offline too.
import jpeg2000Url from './codecWarmupFiles/jpeg-2000.dcm?url';
import jpegLosslessUrl from './codecWarmupFiles/jpeg-lossless-sv1.dcm?url';
import jpegLsUrl from './codecWarmupFiles/jpeg-ls.dcm?url';

/**
 * The compressed transfer syntaxes CT archives use most, each with a slice of the embedded sample (256 x 256, signed
 * 16 bit) in that syntax to warm its codec with: JPEG Lossless SV1, JPEG-LS lossless, JPEG 2000 lossless.
 */
export const WARMUP_FILES: ReadonlyArray<{ readonly transferSyntaxUid: string; readonly url: string }> = [
  { transferSyntaxUid: '1.2.840.10008.1.2.4.70', url: jpegLosslessUrl },
  { transferSyntaxUid: '1.2.840.10008.1.2.4.80', url: jpegLsUrl },
  { transferSyntaxUid: '1.2.840.10008.1.2.4.90', url: jpeg2000Url },
];
