// Issue 18, "Hostile or damaged DICOM": each file ends in its own clear reason, in the command line's path
// (parseDicomFile and every frame decoded, as `recist inspect` does) and in the import workers' path alike
// (headers from a prefix, frames decoded by the worker code, run in this process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PREFIX_BYTES } from '../../../src/app/loading/importFiles';
import { importLibrary } from '../../../src/app/loading/importLibrary';
import { readHeaders } from '../../../src/app/loading/readHeaders';
import type { NamedBlob } from '../../../src/app/loading/workerProtocol';
import { decodeFrame } from '../../../src/dicom/codecs/decodeFrame';
import { parseDicomFile } from '../../../src/dicom/parseDicomFile';
import { readFileHeader } from '../../../src/dicom/readFileHeader';
import { inProcessPipeline } from '../../app/loading/inProcessWorker';
import { fixtureFromBytes } from '../codecs/fixtures/readFixture';
import { missingTools, workdir } from '../codecs/fixtures/tools';
import { frameOf, HOSTILE_TOOLS, hostileFiles, type HostileFile } from './hostileFiles';

const skip = missingTools(...HOSTILE_TOOLS);
if (skip) console.warn(`Skipping hostile-file tests: ${skip}`);

/** What `recist inspect` makes of a file: its first failure's code, or 'read' when every frame decodes. */
async function inspectOutcome(file: HostileFile): Promise<string> {
  const parsed = parseDicomFile(file.bytes, file.name);
  if (!parsed.ok) return parsed.error.code;
  for (const slice of parsed.value) {
    const decoded = await slice.pixels.load();
    if (!decoded.ok) return decoded.error.code;
  }
  return 'read';
}

describe.skipIf(skip !== undefined)('hostile and damaged files', () => {
  const dir = workdir();
  let files: HostileFile[] = [];
  beforeAll(() => void (files = hostileFiles(dir)));
  afterAll(() => dir.remove());
  const named = (name: string) => files.find((f) => f.name === name) as HostileFile;

  it('the command line path gives each file its reason (or reads it)', async () => {
    const outcomes = Object.fromEntries(await Promise.all(files.map(async (f) => [f.name, await inspectOutcome(f)] as const)));
    expect(outcomes).toEqual(Object.fromEntries(files.map((f) => [f.name, f.refusedAs ?? 'read'])));
  });

  it('the import workers give each file the same reason, in the import report', async () => {
    // One import each: several of them are edits of one file, with its SOPInstanceUID.
    const pipeline = inProcessPipeline();
    const outcomes: Record<string, string> = {};
    for (const f of files) {
      const blob: NamedBlob = { name: f.name, blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>]) };
      const library = await importLibrary([blob], { pipeline });
      const decoded = await Promise.all(library.series.flatMap((s) => s.slices).map((s) => s.pixels.load('display')));
      const failures = [...library.report.problems.map((p) => p.code), ...decoded.flatMap((r) => (r.ok ? [] : [r.error.code]))];
      outcomes[f.name] = failures[0] ?? 'read';
    }
    expect(outcomes).toEqual(Object.fromEntries(files.map((f) => [f.name, f.refusedAs ?? 'read'])));
  });

  it('a million declared frames are refused from the header, before a slice header is built per frame', () => {
    const { bytes, name } = named('frames-1000000-declared.dcm');
    const read = readFileHeader(bytes.subarray(0, 8192), bytes.length, name);
    expect(read.kind === 'done' && !read.result.ok ? read.result.error.code : read.kind).toBe('FRAME_COUNT_MISMATCH');
  });

  it('a declared count the file has room for, but not the fragments, is read whole and counted in the worker too', () => {
    const { bytes, name } = named('frames-500-declared-3-present.dcm');
    const first = readFileHeader(bytes.subarray(0, 8192), bytes.length, name);
    expect(first).toEqual({ kind: 'need-more', bytes: bytes.length, for: 'file' });
    const whole = readFileHeader(bytes, bytes.length, name);
    expect(whole.kind === 'done' && !whole.result.ok ? whole.result.error.detail : '').toBe('NumberOfFrames is 500; the pixel data holds 3 fragment(s)');
  });

  it('a large file declaring more frames than a CT series has is read whole and counted too, whatever its size', () => {
    const { bytes, name } = named('frames-20000-declared-17mb.dcm');
    expect(readFileHeader(bytes.subarray(0, 8192), bytes.length, name)).toEqual({ kind: 'need-more', bytes: bytes.length, for: 'file' });
    const whole = readFileHeader(bytes, bytes.length, name);
    expect(whole.kind === 'done' && !whole.result.ok ? whole.result.error.detail : '').toBe('NumberOfFrames is 20000; the pixel data holds 2 fragment(s)');
  });

  it('the worker\'s header scan reads such a file whole for its fragments, without reading later files\' headers that long', async () => {
    const { bytes, name } = named('frames-500-declared-3-present.dcm');
    const read = await readHeaders([{ name, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) }], FIRST_PREFIX_BYTES);
    expect(read.headers.map((h) => (h.ok ? 'read' : h.error.code))).toEqual(['FRAME_COUNT_MISMATCH']);
    expect(read.prefixBytes).toBe(FIRST_PREFIX_BYTES);
  });

  it.each(['jpeg-lossless-sof-65535.dcm', 'jpeg-baseline-sof-65535.dcm', 'jpeg-ls-sof-65535.dcm', 'jpeg-2000-siz-65535.dcm'])(
    '%s: the codec\'s stated size is refused against Rows x Columns before its decoder runs', async (name) => {
      const { bytes } = named(name);
      const fixture = fixtureFromBytes(bytes);
      const decoded = await decodeFrame(fixture.transferSyntaxUid, frameOf(bytes), fixture.info);
      expect(decoded.ok ? 'decoded' : decoded.error).toEqual({
        code: 'SIZE_MISMATCH', detail: 'the compressed stream says 65535x65535x1; the dataset says 256x256x1',
      });
    });

  it.each([
    ['jpeg-lossless-half-then-eoi.dcm', /JPEG lossless: the data ran out at row 130 of 256/],
    ['jpeg-lossless-scrambled-middle.dcm', /JPEG lossless: the data ran out at row \d+ of 256/],
    ['jpeg-2000-bytes-inserted.dcm', /JPEG 2000 tile part 1 is followed by byte \d+, neither a tile part nor EOC/],
  ])('%s: damaged data that still ends in its end marker is refused, not decoded to garbage', async (name, detail) => {
    const { bytes } = named(name);
    const fixture = fixtureFromBytes(bytes);
    const decoded = await decodeFrame(fixture.transferSyntaxUid, frameOf(bytes), fixture.info);
    expect(decoded.ok ? 'decoded' : decoded.error.code).toBe('CORRUPT_PIXEL_DATA');
    expect(decoded.ok ? '' : decoded.error.detail).toMatch(detail);
  });

  it('a JPEG frame padded with 0xFF after its EOI decodes, to the same pixels as without the padding', async () => {
    const { bytes } = named('jpeg-padded-with-ff-after-eoi.dcm');
    const fixture = fixtureFromBytes(bytes);
    const padded = frameOf(bytes);
    expect([...padded.subarray(-10)]).toEqual(new Array(10).fill(0xff));
    const [withPadding, without] = await Promise.all([padded, padded.subarray(0, padded.length - 10)]
      .map((frame) => decodeFrame(fixture.transferSyntaxUid, frame, fixture.info)));
    expect(withPadding?.ok && without?.ok && withPadding.value.pixels).toEqual(without?.ok && without.value.pixels);
  });

  it('a file cut at its pixel data tag is cut short, not "no image"', () => {
    const { bytes, name } = named('cut-at-pixel-data-tag.dcm');
    const parsed = parseDicomFile(bytes, name);
    expect(parsed.ok ? 'read' : parsed.error).toEqual({ code: 'TRUNCATED', file: name, detail: 'the file ends before its pixel data' });
  });
});
