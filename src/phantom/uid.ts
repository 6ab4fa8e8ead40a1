// Deterministic DICOM UIDs. A UID under the 2.25 root is the decimal form of a 128-bit UUID (ISO/IEC 9834-8,
// DICOM PS3.5 B.2). We derive the 128 bits from a fixed name with FNV-1a-128 and mark them as a UUID version 8
// (custom) variant-1 value, so the same name always gives the same UID and regenerated files are byte-identical.

const FNV_128_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV_128_PRIME = 0x0000000001000000000000000000013bn; // 2^88 + 2^8 + 0x3b
const MASK_128 = (1n << 128n) - 1n;

/** FNV-1a, 128 bit, over the UTF-16 code units of `name` (all our names are ASCII). */
export function fnv1a128(name: string): bigint {
  let hash = FNV_128_OFFSET;
  for (let i = 0; i < name.length; i++) {
    hash ^= BigInt(name.charCodeAt(i));
    hash = (hash * FNV_128_PRIME) & MASK_128;
  }
  return hash;
}

/** Sets the UUID version (8, custom) and variant (binary 10) bits, as RFC 9562 requires of a UUID. */
function asUuidV8(bits: bigint): bigint {
  const versionCleared = bits & ~(0xfn << 76n);
  const withVersion = versionCleared | (0x8n << 76n);
  const variantCleared = withVersion & ~(0x3n << 62n);
  return variantCleared | (0x2n << 62n);
}

/** The 2.25 UID for a name, e.g. uidFromName('RR-0001/baseline/study'). At most 44 characters. */
export function uidFromName(name: string): string {
  return `2.25.${asUuidV8(fnv1a128(name)).toString(10)}`;
}
