// The loading pipeline in Node, with the worker code run in-process: headers, grouping, report, pixels on demand.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importLibrary } from '../../../src/app/loading/importLibrary';
import { WARMUP_FILES } from '../../../src/app/loading/warmupFiles';
import { TaskDropped } from '../../../src/app/loading/jobQueue';
import type { NamedBlob } from '../../../src/app/loading/workerProtocol';
import type { ImportReport } from '../../../src/dicom/importReport';
import { dcmjsImage, type ImageSpec } from '../../dicom/fixtures/dcmjsImage';
import { inProcessPipeline } from './inProcessWorker';

const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const file = (name: string, spec: ImageSpec): NamedBlob => ({ name, blob: blob(dcmjsImage(spec)) });

describe('importLibrary', () => {
  const slice = (i: number, z: number) => file(`folder/IM${i}.dcm`, {
    sopInstanceUid: `1.2.3.${i}`, position: [0, 0, z], instanceNumber: i, pixels: [i, i, i, i, i, -1000 - i],
  });
  const truncated = dcmjsImage({ rows: 64, columns: 64, sopInstanceUid: '1.2.3.99' });
  const files: NamedBlob[] = [
    slice(1, 10), slice(2, 30), { name: 'folder/notes.txt', blob: blob(new TextEncoder().encode('hello')) }, slice(3, 20),
    { name: 'folder/cut.dcm', blob: blob(truncated.subarray(0, truncated.length - 500)) },
    file('other/MF.dcm', { seriesInstanceUid: '9.9', studyInstanceUid: '9', studyDate: '20240301', frames: 2, perFramePositions: [[0, 0, 1], [0, 0, 2]] }),
  ];

  it('orders slices by position, groups patient -> study -> series, and reports each bad file with its reason', async () => {
    const progress: number[] = [];
    const library = await importLibrary(files, { pipeline: inProcessPipeline(), onProgress: (done) => progress.push(done) });
    expect(library.tree.map((p) => p.studies.map((s) => [s.date, s.series.map((x) => x.slices.map((sl) => `${sl.file}#${sl.frameNumber}`))])))
      .toEqual([[
        ['2024-01-02', [['folder/IM2.dcm#1', 'folder/IM3.dcm#1', 'folder/IM1.dcm#1']]],
        ['2024-03-01', [['other/MF.dcm#2', 'other/MF.dcm#1']]],
      ]]);
    expect(library.report.problems.map((p) => [p.file, p.code])).toEqual([['folder/notes.txt', 'NOT_DICOM'], ['folder/cut.dcm', 'TRUNCATED']]);
    expect([library.report.filesSeen, library.report.filesWithImages, library.report.slices]).toEqual([6, 4, 5]);
    expect(progress.at(-1)).toBe(6);
  });

  it('reads no pixel until asked; then decodes in the workers, and peek has it at once afterwards', async () => {
    const library = await importLibrary(files, { pipeline: inProcessPipeline() });
    const first = library.series[0]?.slices[0];
    if (!first) throw new Error('no slice');
    expect(first.pixels.peek()).toBeUndefined();
    const loaded = await first.pixels.load();
    expect(loaded.ok && loaded.value.kind === 'greyscale' && Array.from(loaded.value.pixels)).toEqual([2, 2, 2, 2, 2, -1002]);
    expect(first.pixels.peek()).toBe(loaded.ok ? loaded.value : undefined);
  });

  it('prefetch decodes every slice of the shown series', async () => {
    const library = await importLibrary(files, { pipeline: inProcessPipeline() });
    const shown = library.series.slice(0, 2);
    expect(await Promise.all(shown.map((s) => library.store.prefetch(s.slices)))).toEqual([true, true]);
    expect(shown.flatMap((s) => s.slices).every((s) => s.pixels.peek() !== undefined)).toBe(true);
  });

  it('a newer load replaces this one: the import gives up (queued reads dropped, running ones ignored)', async () => {
    const controller = new AbortController();
    const many = Array.from({ length: 200 }, (_, i) => slice(100 + i, i));
    const pending = importLibrary(many, { pipeline: inProcessPipeline(), signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toSatisfy((e) => e instanceof TaskDropped || (e instanceof Error && e.name === 'AbortError'));
  });

  it('a frame that fails to decode later gets its own line in the report', async () => {
    // Declared as RLE Lossless, with a fragment too short to be an RLE frame.
    const junk = [0xfe, 0xff, 0x00, 0xe0, 0, 0, 0, 0, 0xfe, 0xff, 0x00, 0xe0, 4, 0, 0, 0, 1, 2, 3, 4, 0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0];
    const bytes = encapsulated(dcmjsImage({ sopInstanceUid: '7.7' }), junk, '1.2.840.10008.1.2.5');
    const reports: ImportReport[] = [];
    const library = await importLibrary([{ name: 'bad-frame.dcm', blob: blob(bytes) }], { pipeline: inProcessPipeline(), onReportChange: (r) => reports.push(r) });
    const slice = library.series[0]?.slices[0];
    const result = await slice?.pixels.load();
    expect(result?.ok).toBe(false);
    expect(reports.at(-1)?.problems).toEqual([
      { file: 'bad-frame.dcm', code: 'CORRUPT_PIXEL_DATA', detail: expect.any(String) as string, frame: { number: 1, count: 1 } },
    ]);
  });
});

describe('a compressed single-frame file', () => {
  const ROOT = resolve(__dirname, '../../..');
  // The codec warm-up files: slice 20 of the sample baseline, transcoded losslessly (codecWarmupFiles/README.md).
  const named = (path: string): NamedBlob => ({ name: path, blob: blob(new Uint8Array(readFileSync(resolve(ROOT, path)))) });
  const storedOf = async (path: string) => {
    const library = await importLibrary([named(path)], { pipeline: inProcessPipeline() });
    const slicing = vi.spyOn(Blob.prototype, 'slice');
    const loaded = await library.series[0]?.slices[0]?.pixels.load();
    const slices = slicing.mock.calls.length;
    slicing.mockRestore();
    if (!loaded?.ok || loaded.value.kind !== 'greyscale') throw new Error(`${path} did not decode to greyscale`);
    return { pixels: loaded.value.pixels, slices };
  };

  it.each(WARMUP_FILES.map((file) => [file.transferSyntaxUid, new URL(file.url, 'http://app/').pathname.slice(1)]))(
    '%s: is read whole (no slice of the file) and decodes to exactly the slice it was made from', async (_, path) => {
      const source = await storedOf('sample-dicom/baseline/IM0020.dcm');
      const compressed = await storedOf(path);
      expect(compressed.pixels).toEqual(source.pixels);
      expect(compressed.slices).toBe(0);
    });
});

/** The same file with its PixelData replaced by encapsulated `value` bytes and its transfer syntax by `uid`. */
function encapsulated(part10: Uint8Array, value: number[], uid: string): Uint8Array {
  const text = new TextDecoder('latin1').decode(part10);
  const oldUid = '1.2.840.10008.1.2.1\0';
  const newUid = uid.length % 2 ? `${uid}\0` : uid;
  if (newUid.length !== oldUid.length) throw new Error('fixture: UIDs of different lengths');
  const withUid = text.replace(oldUid, newUid);
  const pixelTag = withUid.lastIndexOf('\xe0\x7f\x10\x00OW');
  const head = Uint8Array.from(withUid.slice(0, pixelTag), (c) => c.charCodeAt(0));
  const header = [0xe0, 0x7f, 0x10, 0x00, 0x4f, 0x42, 0, 0, 0xff, 0xff, 0xff, 0xff];
  return new Uint8Array([...head, ...header, ...value]);
}
