// Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99, PS3.5 A.5): everything after the File Meta group is
// one raw deflate stream (RFC 1951, no zlib header). pako because the interface is synchronous (the browser's
// DecompressionStream is not) and dicom-parser itself inflates only in Node or with a global pako.
import { inflateRaw } from 'pako';
import { err, ok, type Result } from '../../shared/result';
import { describeThrown } from './codecError';

type InflateError = { code: 'CORRUPT_PIXEL_DATA'; detail: string };

const PREAMBLE = 132; // 128-byte preamble and "DICM"
const META_GROUP = 0x0002;
const TRANSFER_SYNTAX_UID = 0x0010;
const GROUP_LENGTH = 0x0000;
/** Explicit VR Little Endian, NUL-padded to even length as UIs are. */
const EXPLICIT_LE = new TextEncoder().encode('1.2.840.10008.1.2.1\0');
const LONG_LENGTH_VRS = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'SQ', 'UC', 'UN', 'UR', 'UT']);

/**
 * Deflated Explicit VR Little Endian: returns a Part 10 byte array whose dataset after the File Meta group is
 * inflated, so dicom-parser can parse it as explicit little endian. Its File Meta TransferSyntaxUID is rewritten to
 * Explicit VR Little Endian (and the group length with it), so dicom-parser does not try to inflate it again.
 */
export function inflateDeflatedDataset(part10: Uint8Array): Result<Uint8Array, InflateError> {
  const meta = readMetaGroup(part10);
  if (typeof meta === 'string') return err({ code: 'CORRUPT_PIXEL_DATA', detail: meta });
  let inflated: Uint8Array;
  try {
    inflated = inflateRaw(part10.subarray(meta.end));
  } catch (thrown) {
    return err({ code: 'CORRUPT_PIXEL_DATA', detail: `deflated dataset: ${describeThrown(thrown)}` });
  }
  const header = rewriteTransferSyntax(part10, meta);
  const out = new Uint8Array(header.length + inflated.length);
  out.set(header);
  out.set(inflated, header.length);
  return ok(out);
}

interface MetaElement {
  readonly element: number;
  readonly start: number;
  readonly valueStart: number;
  readonly end: number;
}

/** The File Meta group's elements (always explicit VR little endian, PS3.10 7.1), or why it cannot be read. */
function readMetaGroup(bytes: Uint8Array): { elements: MetaElement[]; end: number } | string {
  if (bytes.length < PREAMBLE + 8 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') {
    return 'not a Part 10 file (no DICM prefix)';
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const elements: MetaElement[] = [];
  let at = PREAMBLE;
  while (at + 8 <= bytes.length && view.getUint16(at, true) === META_GROUP) {
    const vr = String.fromCharCode(bytes[at + 4] as number, bytes[at + 5] as number);
    const long = LONG_LENGTH_VRS.has(vr);
    const valueStart = at + (long ? 12 : 8);
    const length = long ? view.getUint32(at + 8, true) : view.getUint16(at + 6, true);
    const end = valueStart + length;
    if (end > bytes.length) return 'File Meta element runs past the end of the file';
    elements.push({ element: view.getUint16(at + 2, true), start: at, valueStart, end });
    at = end;
  }
  return elements.some((e) => e.element === TRANSFER_SYNTAX_UID) ? { elements, end: at } : 'File Meta has no TransferSyntaxUID';
}

/** Preamble and File Meta with TransferSyntaxUID = Explicit VR Little Endian and the group length to match. */
function rewriteTransferSyntax(bytes: Uint8Array, meta: { elements: MetaElement[] }): Uint8Array {
  const parts = meta.elements.map((e) => {
    if (e.element !== TRANSFER_SYNTAX_UID) return bytes.slice(e.start, e.end);
    const element = bytes.slice(e.start, e.valueStart + EXPLICIT_LE.length);
    new DataView(element.buffer).setUint16(6, EXPLICIT_LE.length, true);
    element.set(EXPLICIT_LE, e.valueStart - e.start);
    return element;
  });
  const header = new Uint8Array(PREAMBLE + parts.reduce((n, p) => n + p.length, 0));
  header.set(bytes.subarray(0, PREAMBLE));
  let at = PREAMBLE;
  let groupLengthValueAt: number | undefined;
  parts.forEach((part, i) => {
    const e = meta.elements[i] as MetaElement;
    if (e.element === GROUP_LENGTH) groupLengthValueAt = at + (e.valueStart - e.start);
    header.set(part, at);
    at += part.length;
  });
  // (0002,0000) counts the bytes from the end of its own value to the end of the group (PS3.10 7.1).
  if (groupLengthValueAt !== undefined) {
    new DataView(header.buffer).setUint32(groupLengthValueAt, header.length - (groupLengthValueAt + 4), true);
  }
  return header;
}
