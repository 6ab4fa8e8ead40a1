// Transfer syntaxes by how their pixel data is laid out (PS3.5, 10 and A.1-A.4).
export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
/** The whole data set after the meta group is deflated; its pixel data is native once inflated (PS3.5 A.5). */
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';

export type UncompressedTransferSyntaxUid =
  | typeof IMPLICIT_VR_LITTLE_ENDIAN
  | typeof EXPLICIT_VR_LITTLE_ENDIAN
  | typeof EXPLICIT_VR_BIG_ENDIAN;

/** Native (not encapsulated) pixel data we can read straight from the file's bytes. */
export function isUncompressedTransferSyntax(uid: string): uid is UncompressedTransferSyntaxUid {
  return uid === IMPLICIT_VR_LITTLE_ENDIAN || uid === EXPLICIT_VR_LITTLE_ENDIAN || uid === EXPLICIT_VR_BIG_ENDIAN;
}

/** Explicit VR Big Endian (retired in 2004, still found in old archives) is the only one whose words need swapping. */
export const isBigEndian = (uid: string): boolean => uid === EXPLICIT_VR_BIG_ENDIAN;

export const isDeflated = (uid: string): boolean => uid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
