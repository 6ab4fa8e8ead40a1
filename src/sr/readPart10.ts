// The bytes of a DICOM Part 10 file -> the data set model (dataSet.ts), for the SR reader: explicit and implicit VR
// little endian (what an SR comes in from a PACS or a disk) and deflated, defined and undefined lengths. Pure, with no library,
// so it runs in the browser and in Node alike. Damaged input gives a value with a code, never a throw.
import { inflateDeflatedDataset } from '../dicom/codecs/inflateDeflatedDataset';
import { err, ok, type Result } from '../shared/result';
import { hexTag, tag, type DataSet, type Element, type NumberVr, type StringVr } from './dataSet';
import { TAGS, VR_OF } from './tags';
import { EXPLICIT_VR_LITTLE_ENDIAN } from './writePart10';

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';

export type Part10Error =
  | { readonly code: 'NOT_DICOM'; readonly detail: string }
  | { readonly code: 'UNSUPPORTED_TRANSFER_SYNTAX'; readonly transferSyntaxUid: string }
  | { readonly code: 'DAMAGED'; readonly detail: string };

export interface Part10 {
  readonly transferSyntaxUid: string;
  readonly meta: DataSet;
  readonly dataSet: DataSet;
}

const STRING_VRS = new Set<string>(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);
const NUMBER_VRS = new Set<string>(['FD', 'FL', 'SL', 'SS', 'UL', 'US']);
const TEXT_VRS = new Set<string>(['LT', 'ST', 'UT']);
const LONG_HEADER = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;
const ITEM = TAGS.Item.tag;
const ITEM_END = TAGS.ItemDelimitationItem.tag;
const SEQUENCE_END = TAGS.SequenceDelimitationItem.tag;

class Damaged extends Error {}

class Cursor {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array, public at: number, readonly explicit: boolean, readonly decode: (b: Uint8Array) => string) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (this.at + n > this.bytes.length) throw new Damaged(`the file ends inside an element at byte ${this.at}`);
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.at, true);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  tag(): number {
    const group = this.u16();
    return tag(group, this.u16());
  }
}

function stringValues(vr: string, raw: string): string[] {
  // Trailing padding (space or NUL) is never part of a value; leading spaces are, for the text VRs only.
  const trimmed = raw.replace(/[\0 ]+$/, '');
  if (TEXT_VRS.has(vr)) return [trimmed];
  return trimmed.split('\\').map((v) => v.replace(/^ +/, '').replace(/[\0 ]+$/, ''));
}

function numberValues(vr: string, bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = vr === 'FD' ? 8 : vr === 'SS' || vr === 'US' ? 2 : 4;
  const out: number[] = [];
  for (let at = 0; at + size <= bytes.length; at += size) {
    switch (vr) {
      case 'FD': out.push(view.getFloat64(at, true)); break;
      case 'FL': out.push(view.getFloat32(at, true)); break;
      case 'SL': out.push(view.getInt32(at, true)); break;
      case 'SS': out.push(view.getInt16(at, true)); break;
      case 'UL': out.push(view.getUint32(at, true)); break;
      default: out.push(view.getUint16(at, true));
    }
  }
  return out;
}

function readItems(c: Cursor, length: number): DataSet[] {
  const end = length === UNDEFINED ? Infinity : c.at + length;
  const items: DataSet[] = [];
  while (c.at < end) {
    const t = c.tag();
    const itemLength = c.u32();
    if (t === SEQUENCE_END) break;
    if (t !== ITEM) throw new Damaged(`expected an item in a sequence at byte ${c.at - 8}, found ${hexTag(t)}`);
    items.push(readElements(c, itemLength === UNDEFINED ? Infinity : c.at + itemLength, true));
  }
  return items;
}

/** Peeks whether an implicit-VR value of unknown VR is a sequence: it then starts with an item or a sequence end. */
function looksLikeSequence(c: Cursor, length: number): boolean {
  if (length === UNDEFINED) return true;
  if (length < 8 || c.at + 4 > c.bytes.length) return false;
  const group = c.view.getUint16(c.at, true);
  const element = c.view.getUint16(c.at + 2, true);
  return group === 0xfffe && (element === 0xe000 || element === 0xe0dd);
}

function readElements(c: Cursor, end: number, inItem: boolean): DataSet {
  const out: Element[] = [];
  while (c.at < end && c.at < c.bytes.length) {
    const t = c.tag();
    if (t === ITEM_END) {
      c.u32();
      if (!inItem) throw new Damaged(`an item end outside any item at byte ${c.at - 8}`);
      break;
    }
    let vr: string;
    let length: number;
    if (c.explicit) {
      c.need(2);
      vr = String.fromCharCode(c.bytes[c.at] ?? 0, c.bytes[c.at + 1] ?? 0);
      c.at += 2;
      if (LONG_HEADER.has(vr)) {
        c.at += 2;
        length = c.u32();
      } else length = c.u16();
    } else {
      length = c.u32();
      vr = VR_OF.get(t) ?? (looksLikeSequence(c, length) ? 'SQ' : 'UN');
    }
    if (vr === 'SQ' || (vr === 'UN' && length === UNDEFINED)) {
      out.push({ tag: t, vr: 'SQ', value: readItems(c, length) });
      continue;
    }
    if (length === UNDEFINED) throw new Damaged(`${hexTag(t)} ${vr} has an undefined length`);
    c.need(length);
    const bytes = c.bytes.subarray(c.at, c.at + length);
    c.at += length;
    if (STRING_VRS.has(vr)) out.push({ tag: t, vr: vr as StringVr, value: stringValues(vr, c.decode(bytes)) });
    else if (NUMBER_VRS.has(vr)) out.push({ tag: t, vr: vr as NumberVr, value: numberValues(vr, bytes) });
    else out.push({ tag: t, vr: 'UN', value: bytes.slice() });
  }
  return out;
}

const DECODERS: Record<string, TextDecoder> = {};
function decoderFor(charset: string): (b: Uint8Array) => string {
  // ISO_IR 192 is UTF-8; the default repertoire is ASCII, which UTF-8 decodes the same; the Latin ones as windows-1252.
  const label = charset.includes('192') || charset === '' ? 'utf-8' : 'windows-1252';
  const decoder = (DECODERS[label] ??= new TextDecoder(label));
  return (b) => decoder.decode(b);
}

const asciiText = new TextDecoder('utf-8');

export function readPart10(bytes: Uint8Array): Result<Part10, Part10Error> {
  if (bytes.length < 132 || asciiText.decode(bytes.subarray(128, 132)) !== 'DICM') {
    return err({ code: 'NOT_DICOM', detail: 'no "DICM" at byte 128: not a DICOM Part 10 file' });
  }
  try {
    const metaCursor = new Cursor(bytes, 132, true, (b) => asciiText.decode(b));
    const meta: Element[] = [];
    // The File Meta group is explicit VR little endian whatever the data set's transfer syntax; read it to its end.
    while (metaCursor.at + 2 <= bytes.length && metaCursor.view.getUint16(metaCursor.at, true) === 0x0002) {
      meta.push(...readElements(metaCursor, metaCursor.at + 1, false));
    }
    const transferSyntax = meta.find((e) => e.tag === TAGS.TransferSyntaxUID.tag);
    const transferSyntaxUid = transferSyntax?.vr === 'UI' ? (transferSyntax.value[0] ?? '') : '';
    if (transferSyntaxUid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) {
      // The data set is one raw deflate stream (PS3.5 A.5): inflated, the file is explicit VR little endian.
      const inflated = inflateDeflatedDataset(bytes);
      return inflated.ok ? readPart10(inflated.value) : err({ code: 'DAMAGED', detail: inflated.error.detail });
    }
    if (transferSyntaxUid !== EXPLICIT_VR_LITTLE_ENDIAN && transferSyntaxUid !== IMPLICIT_VR_LITTLE_ENDIAN) {
      return err({ code: 'UNSUPPORTED_TRANSFER_SYNTAX', transferSyntaxUid });
    }
    const explicit = transferSyntaxUid === EXPLICIT_VR_LITTLE_ENDIAN;
    const charset = charsetOf(bytes, metaCursor.at, explicit);
    const dataSet = readElements(new Cursor(bytes, metaCursor.at, explicit, decoderFor(charset)), Infinity, false);
    return ok({ transferSyntaxUid, meta, dataSet });
  } catch (e) {
    if (e instanceof Damaged) return err({ code: 'DAMAGED', detail: e.message });
    throw e;
  }
}

/** Specific Character Set (0008,0005) read ahead, so names and texts decode with the right character set. */
function charsetOf(bytes: Uint8Array, at: number, explicit: boolean): string {
  const first = readElements(new Cursor(bytes, at, explicit, (b) => asciiText.decode(b)), at + 1, false)[0];
  return first !== undefined && first.tag === TAGS.SpecificCharacterSet.tag && first.vr === 'CS' ? first.value.join('\\') : '';
}
