// Hostile and damaged DICOM files, made from the sample CT at test time (issue 18): each a file a bad day or an
// attacker could hand the app, which must end in a clear per-file reason, quickly and in bounded memory. Made with
// dcmtk and gdcm (Debian's dcmtk, libgdcm-tools), then edited byte by byte; none is kept in the repository.
import { readFileSync } from 'node:fs';
import dicomParser from 'dicom-parser';
import { grey8, signed16 } from '../codecs/fixtures/sampleImages';
import type { Workdir } from '../codecs/fixtures/tools';
import { concat, writePart10 } from '../codecs/fixtures/writePart10';

export const HOSTILE_TOOLS = ['dcmcjpeg', 'dcmcjpls', 'gdcmconv', 'dcmodify'] as const;

export interface HostileFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The code `recist inspect` and the import must give it; undefined for a file that must be read. */
  readonly refusedAs: string | undefined;
}

type Codec = 'JPEG lossless' | 'JPEG baseline' | 'JPEG-LS' | 'JPEG 2000';
const ENCODERS: Record<Codec, { tool: readonly [string, ...string[]]; eightBit: boolean }> = {
  'JPEG lossless': { tool: ['dcmcjpeg', '+e1'], eightBit: false },
  'JPEG baseline': { tool: ['dcmcjpeg', '+eb'], eightBit: true },
  'JPEG-LS': { tool: ['dcmcjpls'], eightBit: false },
  'JPEG 2000': { tool: ['gdcmconv', '--j2k'], eightBit: false },
};

/** A sample slice (256 x 256) compressed by the tools. */
export function encoded(dir: Workdir, codec: Codec): Uint8Array {
  const { tool, eightBit } = ENCODERS[codec];
  const name = codec.replace(/\W/g, '');
  const input = dir.write(`${name}-in.dcm`, writePart10(eightBit ? grey8() : signed16()));
  dir.run(tool[0], ...tool.slice(1), input, `${name}.dcm`);
  return new Uint8Array(readFileSync(dir.path(`${name}.dcm`)));
}

const pixelDataOf = (file: Uint8Array) => {
  const element = dicomParser.parseDicom(file, { untilTag: 'x7fe00010' }).elements.x7fe00010;
  if (element === undefined) throw new Error('fixture without pixel data');
  return element;
};

/** The one frame of a single-frame encapsulated file (its fragments joined). */
export function frameOf(file: Uint8Array): Uint8Array {
  const dataSet = dicomParser.parseDicom(file);
  const element = dataSet.elements.x7fe00010;
  if (element === undefined) throw new Error('fixture without pixel data');
  return dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, element, 0, element.fragments?.length ?? 1);
}

const item = (tag: number, value: Uint8Array): Uint8Array => {
  const header = new Uint8Array(8);
  const view = new DataView(header.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, tag, true);
  view.setUint32(4, value.length, true);
  return concat([header, value]);
};

/** The file with its encapsulated pixel data replaced: an empty offset table, one fragment per frame. */
export function withFrames(file: Uint8Array, frames: readonly Uint8Array[]): Uint8Array {
  const even = (f: Uint8Array) => (f.length % 2 === 0 ? f : concat([f, new Uint8Array(1)]));
  return concat([
    file.subarray(0, pixelDataOf(file).dataOffset),
    item(0xe000, new Uint8Array(0)),
    ...frames.map((f) => item(0xe000, even(f))),
    item(0xe0dd, new Uint8Array(0)),
  ]);
}

/** A JPEG or JPEG-LS stream whose frame header (SOFn, SOF55) says `width` x `height`. */
export function relabelJpeg(frame: Uint8Array, width: number, height: number): Uint8Array {
  const out = frame.slice();
  for (let at = 2; at + 9 < out.length;) {
    const marker = out[at + 1] as number;
    if ((marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) || marker === 0xf7) {
      out.set([height >> 8, height & 0xff, width >> 8, width & 0xff], at + 5);
      return out;
    }
    at += 2 + (((out[at + 2] as number) << 8) | (out[at + 3] as number));
  }
  throw new Error('no frame header to relabel');
}

/** A JPEG 2000 codestream whose SIZ says `width` x `height` (image offset 0). */
export function relabelJ2k(frame: Uint8Array, width: number, height: number): Uint8Array {
  const out = frame.slice();
  const view = new DataView(out.buffer);
  view.setUint32(8, width);
  view.setUint32(12, height);
  view.setUint32(16, 0);
  view.setUint32(20, 0);
  return out;
}

/** The file with NumberOfFrames set (dcmodify), its pixel data unchanged: one real frame. */
function declaringFrames(dir: Workdir, file: Uint8Array, frames: number): Uint8Array {
  const name = `frames-${frames}.dcm`;
  dir.write(name, file);
  dir.run('dcmodify', '-nb', '-i', `(0028,0008)=${frames}`, name);
  return new Uint8Array(readFileSync(dir.path(name)));
}

/** The file with Rows and Columns set (dcmodify). */
function relabelled(dir: Workdir, file: Uint8Array, columns: number, rows: number): Uint8Array {
  const name = `relabelled-${columns}x${rows}.dcm`;
  dir.write(name, file);
  dir.run('dcmodify', '-nb', '-m', `(0028,0010)=${rows}`, '-m', `(0028,0011)=${columns}`, name);
  return new Uint8Array(readFileSync(dir.path(name)));
}

const EOI = [0xff, 0xd9];

export function hostileFiles(dir: Workdir): HostileFile[] {
  const lossless = encoded(dir, 'JPEG lossless');
  const baseline = encoded(dir, 'JPEG baseline');
  const jpegLs = encoded(dir, 'JPEG-LS');
  const j2k = encoded(dir, 'JPEG 2000');
  const losslessFrame = frameOf(lossless);
  const j2kFrame = frameOf(j2k);
  const baselineFrame = frameOf(baseline);
  const half = losslessFrame.subarray(0, losslessFrame.length >> 1);
  const native = writePart10(signed16());
  const nativePixelData = pixelDataOf(native);
  const extra = signed16();
  return [
    { name: 'frames-100000-declared.dcm', bytes: declaringFrames(dir, lossless, 100_000), refusedAs: 'FRAME_COUNT_MISMATCH' },
    { name: 'frames-1000000-declared.dcm', bytes: declaringFrames(dir, lossless, 1_000_000), refusedAs: 'FRAME_COUNT_MISMATCH' },
    // A few real fragments, far fewer than declared: within the size bound, so the fragments are counted.
    {
      name: 'frames-500-declared-3-present.dcm',
      bytes: declaringFrames(dir, withFrames(lossless, [losslessFrame, losslessFrame, losslessFrame]), 500),
      refusedAs: 'FRAME_COUNT_MISMATCH',
    },
    // Large enough to be read from its first bytes only, with room for the frames it declares: it is read whole
    // anyway (too many frames to build on trust), and its 2 fragments counted.
    {
      name: 'frames-20000-declared-17mb.dcm',
      bytes: declaringFrames(dir, withFrames(lossless, [losslessFrame, new Uint8Array(17 * 1024 * 1024)]), 20_000),
      refusedAs: 'FRAME_COUNT_MISMATCH',
    },
    // The header says so too: the stream and the dataset agree on a frame that would take 8 GB to decode.
    {
      name: 'jpeg-lossless-header-and-sof-65535.dcm',
      bytes: relabelled(dir, withFrames(lossless, [relabelJpeg(losslessFrame, 65535, 65535)]), 65535, 65535),
      refusedAs: 'UNSUPPORTED_PIXEL_FORMAT',
    },
    { name: 'jpeg-lossless-sof-65535.dcm', bytes: withFrames(lossless, [relabelJpeg(losslessFrame, 65535, 65535)]), refusedAs: 'SIZE_MISMATCH' },
    { name: 'jpeg-baseline-sof-65535.dcm', bytes: withFrames(baseline, [relabelJpeg(baselineFrame, 65535, 65535)]), refusedAs: 'SIZE_MISMATCH' },
    { name: 'jpeg-ls-sof-65535.dcm', bytes: withFrames(jpegLs, [relabelJpeg(frameOf(jpegLs), 65535, 65535)]), refusedAs: 'SIZE_MISMATCH' },
    { name: 'jpeg-2000-siz-65535.dcm', bytes: withFrames(j2k, [relabelJ2k(j2kFrame, 65535, 65535)]), refusedAs: 'SIZE_MISMATCH' },
    { name: 'jpeg-lossless-half-then-eoi.dcm', bytes: withFrames(lossless, [concat([half, Uint8Array.from(EOI)])]), refusedAs: 'CORRUPT_PIXEL_DATA' },
    {
      name: 'jpeg-lossless-scrambled-middle.dcm',
      bytes: withFrames(lossless, [losslessFrame.map((b, i) => (Math.abs(i - (losslessFrame.length >> 1)) < 100 ? (i * 37) & 0xff : b))]),
      refusedAs: 'CORRUPT_PIXEL_DATA',
    },
    {
      // 512 bytes of another copy of the data inside the tile part: OpenJPEG stops where its length says and decodes.
      name: 'jpeg-2000-bytes-inserted.dcm',
      bytes: withFrames(j2k, [concat([j2kFrame.subarray(0, j2kFrame.length - 2), j2kFrame.subarray(200, 712), Uint8Array.from(EOI)])]),
      refusedAs: 'CORRUPT_PIXEL_DATA',
    },
    {
      name: 'jpeg-padded-with-ff-after-eoi.dcm',
      bytes: withFrames(baseline, [concat([baselineFrame, new Uint8Array(10).fill(0xff)])]),
      refusedAs: undefined,
    },
    { name: 'cut-at-pixel-data-tag.dcm', bytes: native.slice(0, nativePixelData.dataOffset - 12), refusedAs: 'TRUNCATED' },
    { name: 'cut-inside-pixel-data-tag.dcm', bytes: native.slice(0, nativePixelData.dataOffset - 6), refusedAs: 'TRUNCATED' },
    {
      name: 'more-pixel-data-than-rows-columns.dcm',
      bytes: writePart10({ ...extra, pixelData: concat([extra.pixelData, new Uint8Array(extra.columns * 2 * 8)]) }),
      refusedAs: undefined,
    },
  ];
}
