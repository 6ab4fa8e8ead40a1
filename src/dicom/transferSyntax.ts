// The transfer syntaxes whose pixel data we can read without a codec (PS3.5, 10 and A.1-A.3).
export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';

export type UncompressedTransferSyntaxUid =
  | typeof IMPLICIT_VR_LITTLE_ENDIAN
  | typeof EXPLICIT_VR_LITTLE_ENDIAN
  | typeof EXPLICIT_VR_BIG_ENDIAN;

export function isUncompressedTransferSyntax(uid: string): uid is UncompressedTransferSyntaxUid {
  return uid === IMPLICIT_VR_LITTLE_ENDIAN || uid === EXPLICIT_VR_LITTLE_ENDIAN || uid === EXPLICIT_VR_BIG_ENDIAN;
}

/** Explicit VR Big Endian (retired in 2004, still found in old archives) is the only one whose words need swapping. */
export const isBigEndian = (uid: UncompressedTransferSyntaxUid): boolean => uid === EXPLICIT_VR_BIG_ENDIAN;
