// Greyscale JPEG extended sequential DCT, Huffman coded, 8 or 12 bits (ITU-T T.81 processes 2 and 4; DICOM
// 1.2.840.10008.1.2.4.51). Written here because no maintained package decodes 12-bit JPEG (TECH-NOTES.md) and
// 12-bit lossy CT still turns up in old archives. libjpeg-turbo handles the 8-bit case faster and in colour.
import { ok, type Result } from '../../../shared/result';
import { corrupt, unsupported, type CodecError } from '../codecError';
import { BitReader } from './bitReader';
import { CorruptJpeg } from './corruptJpeg';
import { huffmanTable, type HuffmanTable } from './huffmanTable';
import { inverseDct } from './inverseDct';

export interface Jpeg12Image {
  readonly width: number;
  readonly height: number;
  readonly precision: number;
  /** Unsigned samples, row by row. */
  readonly samples: Uint16Array;
}

/** ZIGZAG[k] = natural (row-major) index of the k-th coefficient in zig-zag order (T.81 Figure A.6). */
const ZIGZAG = Uint8Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
  28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54,
  47, 55, 62, 63,
]);

interface Frame {
  readonly precision: number;
  readonly width: number;
  readonly height: number;
  readonly componentId: number;
  readonly quantTable: number;
}

interface Tables {
  readonly quant: (Uint16Array | undefined)[];
  readonly dc: (HuffmanTable | undefined)[];
  readonly ac: (HuffmanTable | undefined)[];
  restartInterval: number;
}

export function decodeJpeg12(data: Uint8Array): Result<Jpeg12Image, CodecError> {
  try {
    return decodeStream(data);
  } catch (thrown) {
    if (thrown instanceof CorruptJpeg) return corrupt(`JPEG extended: ${thrown.message}`);
    if (thrown instanceof RangeError) return corrupt(`JPEG extended: segment runs past the frame (${thrown.message})`);
    throw thrown;
  }
}

function decodeStream(data: Uint8Array): Result<Jpeg12Image, CodecError> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint16(0) !== 0xffd8) throw new CorruptJpeg('no SOI marker');
  const tables: Tables = { quant: [], dc: [], ac: [], restartInterval: 0 };
  let frame: Frame | undefined;
  let image: Jpeg12Image | undefined;
  let at = 2;
  for (;;) {
    while (data[at] === 0xff && data[at + 1] === 0xff) at++; // fill bytes before a marker (B.1.1.2)
    const marker = view.getUint16(at);
    if (marker === 0xffd9) break; // EOI
    const length = view.getUint16(at + 2);
    const segment = data.subarray(at + 4, at + 2 + length);
    if (segment.length !== length - 2) throw new CorruptJpeg(`marker ${marker.toString(16)} runs past the frame`);
    at += 2 + length;
    if (marker === 0xffdb) readQuantTables(segment, tables);
    else if (marker === 0xffc4) readHuffmanTables(segment, tables);
    else if (marker === 0xffdd) tables.restartInterval = (segment[0] as number) * 256 + (segment[1] as number);
    else if (marker === 0xffc0 || marker === 0xffc1) {
      const read = readFrame(segment);
      if (!read.ok) return read;
      frame = read.value;
    } else if (marker === 0xffda) {
      if (frame === undefined) throw new CorruptJpeg('scan before frame header');
      const scan = decodeScan(data, at, segment, frame, tables);
      image = scan.image;
      at = scan.end;
    } else if ((marker & 0xfff0) === 0xffc0 && marker !== 0xffc8 && marker !== 0xffcc) {
      return unsupported(`JPEG process of marker ${marker.toString(16)} (only sequential Huffman DCT is read here)`);
    } else if ((marker & 0xff00) !== 0xff00) throw new CorruptJpeg(`expected a marker at byte ${at}`);
    // APPn, COM and any other marker segment: nothing we need.
  }
  if (image === undefined) throw new CorruptJpeg('no scan before EOI');
  return ok(image);
}

function readFrame(segment: Uint8Array): Result<Frame, CodecError> {
  const precision = segment[0] as number;
  const height = ((segment[1] as number) << 8) | (segment[2] as number);
  const width = ((segment[3] as number) << 8) | (segment[4] as number);
  const components = segment[5] as number;
  if (components !== 1) return unsupported(`JPEG extended with ${components} components (greyscale only)`);
  if (precision !== 8 && precision !== 12) throw new CorruptJpeg(`sample precision ${precision}`);
  if (width === 0 || height === 0) return unsupported('JPEG with the height in a DNL marker');
  return ok({ precision, width, height, componentId: segment[6] as number, quantTable: (segment[8] as number) & 3 });
}

function readQuantTables(segment: Uint8Array, tables: Tables): void {
  for (let at = 0; at < segment.length; ) {
    const wide = (segment[at] as number) >> 4 === 1;
    const id = (segment[at] as number) & 3;
    const table = new Uint16Array(64);
    for (let k = 0; k < 64; k++) {
      const i = at + 1 + (wide ? 2 * k : k);
      table[ZIGZAG[k] as number] = wide ? ((segment[i] as number) << 8) | (segment[i + 1] as number) : (segment[i] as number);
    }
    tables.quant[id] = table;
    at += 1 + (wide ? 128 : 64);
  }
}

function readHuffmanTables(segment: Uint8Array, tables: Tables): void {
  for (let at = 0; at < segment.length; ) {
    const isAc = (segment[at] as number) >> 4 === 1;
    const id = (segment[at] as number) & 3;
    const counts = segment.subarray(at + 1, at + 17);
    const total = counts.reduce((n, c) => n + c, 0);
    const table = huffmanTable(counts, segment.subarray(at + 17, at + 17 + total));
    (isAc ? tables.ac : tables.dc)[id] = table;
    at += 17 + total;
  }
}

/** One single-component scan: blocks in raster order, one block per MCU (T.81 A.2.2). */
function decodeScan(data: Uint8Array, start: number, header: Uint8Array, frame: Frame, tables: Tables) {
  if (header[0] !== 1 || header[1] !== frame.componentId) throw new CorruptJpeg('scan does not name the frame component');
  const dc = tables.dc[(header[2] as number) >> 4];
  const ac = tables.ac[(header[2] as number) & 15];
  const quant = tables.quant[frame.quantTable];
  if (dc === undefined || ac === undefined || quant === undefined) throw new CorruptJpeg('scan uses an undefined table');

  const { width, height, precision } = frame;
  const samples = new Uint16Array(width * height);
  const blocksPerLine = Math.ceil(width / 8);
  const blockCount = blocksPerLine * Math.ceil(height / 8);
  const reader = new BitReader(data, start);
  const coefficients = new Float64Array(64);
  const scratch = new Float64Array(64);
  let prediction = 0;
  let restarts = 0;
  for (let block = 0; block < blockCount; block++) {
    if (tables.restartInterval > 0 && block > 0 && block % tables.restartInterval === 0) {
      reader.restart(restarts++);
      prediction = 0;
    }
    coefficients.fill(0);
    prediction += reader.receiveExtend(reader.decode(dc));
    coefficients[0] = prediction * (quant[0] as number);
    for (let k = 1; k < 64; ) {
      const rs = reader.decode(ac);
      const run = rs >> 4;
      const size = rs & 15;
      if (size === 0) {
        if (run !== 15) break; // EOB
        k += 16;
        continue;
      }
      k += run;
      if (k > 63) throw new CorruptJpeg('AC coefficient run past the block');
      const z = ZIGZAG[k] as number;
      coefficients[z] = reader.receiveExtend(size) * (quant[z] as number);
      k++;
    }
    const x = (block % blocksPerLine) * 8;
    const y = Math.floor(block / blocksPerLine) * 8;
    inverseDct(coefficients, scratch, precision, samples, y * width + x, width, Math.min(8, width - x), Math.min(8, height - y));
  }
  return { image: { width, height, precision, samples }, end: reader.end };
}
