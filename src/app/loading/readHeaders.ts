// The header scan, in a loading worker: the first bytes of many files read in one request and parsed; a header that
// goes on past them is read again, larger, right here (no round trip through the main thread).
import { dicomError } from '../../dicom/dicomError';
import { readFileHeader } from '../../dicom/readFileHeader';
import { err } from '../../shared/result';
import { bytesOf, readParts } from './fileReads';
import type { HeadersRead, NamedBlob } from './workerProtocol';

const messageOf = (thrown: unknown) => (thrown instanceof Error ? thrown.message : String(thrown));

export async function readHeaders(files: readonly NamedBlob[], prefixBytes: number): Promise<HeadersRead> {
  let longest = prefixBytes;
  let batch: { bytes: Uint8Array; starts: number[] } | undefined;
  try {
    batch = await readParts(files.map((file) => ({ ...file, range: { start: 0, end: prefixBytes } })));
  } catch {
    // A file moved, deleted or not permitted since it was chosen: each is read alone below, so only that one fails.
    batch = undefined;
  }
  const headers = await Promise.all(files.map(async ({ name, blob }, i) => {
    const start = batch?.starts[i];
    let prefix = batch && start !== undefined ? batch.bytes.subarray(start, batch.starts[i + 1] ?? batch.bytes.length) : undefined;
    let length = prefixBytes;
    let had = -1;
    for (;;) {
      if (prefix === undefined) {
        try {
          prefix = await bytesOf(blob.slice(0, length));
        } catch (thrown: unknown) {
          return err(dicomError('UNREADABLE', name, messageOf(thrown)));
        }
      }
      // A file that gives no more bytes than last time is shorter than its size says (changed since it was chosen).
      if (prefix.length <= had) return err(dicomError('UNREADABLE', name, `only ${prefix.length} bytes could be read`));
      had = prefix.length;
      const read = readFileHeader(prefix, blob.size, name);
      if (read.kind === 'done') return read.result;
      length = read.bytes;
      // A long header is likely in the files after it too; a file read whole for its own sake is not.
      if (read.for === 'header') longest = Math.max(longest, length);
      prefix = undefined;
    }
  }));
  return { headers, prefixBytes: longest };
}
