// A data set -> the bytes of a DICOM Part 10 file in explicit VR little endian (PS3.5 7.1.2, PS3.10 7.1), with
// defined lengths everywhere. Our own few dozen lines rather than dcmjs: it runs unchanged in the browser and in
// Node, adds nothing to the app's bundle, and the reader (readPart10.ts) is its mirror.
import { hexTag, tag, type DataSet, type Element } from './dataSet';
import { TAGS } from './tags';

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** VRs whose explicit-VR header has two reserved bytes and a 32-bit length. */
const LONG_HEADER = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const NUMBER_SIZE = { FD: 8, FL: 4, SL: 4, SS: 2, UL: 4, US: 2 } as const;
/** Short-header VRs: values longer than 65,534 bytes cannot be written and are a bug of the caller. */
const MAX_SHORT = 0xfffe;

const utf8 = new TextEncoder();

class ByteSink {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function header(t: number, vr: string, length: number): Uint8Array {
  const long = LONG_HEADER.has(vr);
  const out = new Uint8Array(long ? 12 : 8);
  const view = new DataView(out.buffer);
  view.setUint16(0, t >>> 16, true);
  view.setUint16(2, t & 0xffff, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, length, true);
  else {
    if (length > MAX_SHORT) throw new Error(`${hexTag(t)} ${vr}: ${length} bytes do not fit a 16-bit length`);
    view.setUint16(6, length, true);
  }
  return out;
}

/** A string value: UTF-8 (the SR declares ISO_IR 192), padded to even length (UI with NUL, the rest with a space). */
function stringBytes(vr: string, values: readonly string[]): Uint8Array {
  const text = utf8.encode(values.join('\\'));
  if (text.length % 2 === 0) return text;
  const padded = new Uint8Array(text.length + 1);
  padded.set(text);
  padded[text.length] = vr === 'UI' ? 0 : 0x20;
  return padded;
}

function numberBytes(vr: keyof typeof NUMBER_SIZE, values: readonly number[]): Uint8Array {
  const size = NUMBER_SIZE[vr];
  const out = new Uint8Array(size * values.length);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    const at = i * size;
    switch (vr) {
      case 'FD': view.setFloat64(at, v, true); break;
      case 'FL': view.setFloat32(at, v, true); break;
      case 'SL': view.setInt32(at, v, true); break;
      case 'SS': view.setInt16(at, v, true); break;
      case 'UL': view.setUint32(at, v, true); break;
      case 'US': view.setUint16(at, v, true); break;
    }
  });
  return out;
}

const ITEM = tag(0xfffe, 0xe000);

function itemHeader(length: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint16(0, ITEM >>> 16, true);
  view.setUint16(2, ITEM & 0xffff, true);
  view.setUint32(4, length, true);
  return out;
}

function writeElement(sink: ByteSink, element: Element): void {
  switch (element.vr) {
    case 'SQ': {
      const items = element.value.map((item) => encodeDataSet(item));
      const length = items.reduce((sum, b) => sum + 8 + b.length, 0);
      sink.push(header(element.tag, 'SQ', length));
      for (const item of items) {
        sink.push(itemHeader(item.length));
        sink.push(item);
      }
      return;
    }
    case 'OB':
    case 'UN': {
      const value = element.value.length % 2 === 0 ? element.value : Uint8Array.of(...element.value, 0);
      sink.push(header(element.tag, element.vr, value.length));
      sink.push(value);
      return;
    }
    case 'FD': case 'FL': case 'SL': case 'SS': case 'UL': case 'US': {
      const value = numberBytes(element.vr, element.value);
      sink.push(header(element.tag, element.vr, value.length));
      sink.push(value);
      return;
    }
    default: {
      const value = stringBytes(element.vr, element.value);
      sink.push(header(element.tag, element.vr, value.length));
      sink.push(value);
    }
  }
}

/** The elements of one data set (or item), in ascending tag order as PS3.5 7.1 requires. */
export function encodeDataSet(dataSet: DataSet): Uint8Array {
  const sink = new ByteSink();
  const sorted = [...dataSet].sort((a, b) => a.tag - b.tag);
  sorted.forEach((element, i) => {
    if (i > 0 && sorted[i - 1]?.tag === element.tag) throw new Error(`${hexTag(element.tag)} appears twice in one data set`);
    writeElement(sink, element);
  });
  return sink.bytes();
}

export interface FileMeta {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly implementationClassUid: string;
  /** At most 16 characters (SH). */
  readonly implementationVersionName: string;
}

/** Preamble, "DICM", the File Meta group (with its length) and the data set. */
export function writePart10(meta: FileMeta, dataSet: DataSet): Uint8Array {
  const metaBody = encodeDataSet([
    { tag: TAGS.FileMetaInformationVersion.tag, vr: 'OB', value: Uint8Array.of(0, 1) },
    { tag: TAGS.MediaStorageSOPClassUID.tag, vr: 'UI', value: [meta.sopClassUid] },
    { tag: TAGS.MediaStorageSOPInstanceUID.tag, vr: 'UI', value: [meta.sopInstanceUid] },
    { tag: TAGS.TransferSyntaxUID.tag, vr: 'UI', value: [EXPLICIT_VR_LITTLE_ENDIAN] },
    { tag: TAGS.ImplementationClassUID.tag, vr: 'UI', value: [meta.implementationClassUid] },
    { tag: TAGS.ImplementationVersionName.tag, vr: 'SH', value: [meta.implementationVersionName] },
  ]);
  const groupLength = encodeDataSet([{ tag: TAGS.FileMetaInformationGroupLength.tag, vr: 'UL', value: [metaBody.length] }]);
  const body = encodeDataSet(dataSet);
  const out = new Uint8Array(132 + groupLength.length + metaBody.length + body.length);
  out.set(utf8.encode('DICM'), 128);
  out.set(groupLength, 132);
  out.set(metaBody, 132 + groupLength.length);
  out.set(body, 132 + groupLength.length + metaBody.length);
  return out;
}
