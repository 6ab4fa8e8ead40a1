// The one place that calls dicom-parser's parseDicom. It throws strings, Errors and `{ exception, dataSet }`
// objects; here they become DicomError values (STYLE.md, principle 3).
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { err, ok, type Result } from '../shared/result';
import { dicomError, type DicomError } from './dicomError';
import { TAG } from './tags';

const PREAMBLE_LENGTH = 128;
const MAGIC = [0x44, 0x49, 0x43, 0x4d]; // "DICM" (PS3.10, 7.1)
export const PART10_PREFIX_LENGTH = PREAMBLE_LENGTH + MAGIC.length;

/** A Part 10 file starts with a 128-byte preamble and "DICM"; anything else is not ours to guess at. */
export function hasPart10Magic(bytes: Uint8Array): boolean {
  if (bytes.length < PART10_PREFIX_LENGTH) return false;
  return MAGIC.every((byte, i) => bytes[PREAMBLE_LENGTH + i] === byte);
}

export interface ParseOptions {
  /**
   * Stop at the PixelData element's header: its value is not read, so a file's first kilobytes are enough, and
   * `elements.x7fe00010` tells where the pixels start (dataOffset) and how long they are.
   */
  readonly untilPixelData?: boolean;
}

export function parseDataSet(bytes: Uint8Array, file: string, options: ParseOptions = {}): Result<DataSet, DicomError> {
  if (!hasPart10Magic(bytes)) return err(dicomError('NOT_DICOM', file));
  try {
    return ok(dicomParser.parseDicom(bytes, options.untilPixelData ? { untilTag: TAG.PixelData } : {}));
  } catch (thrown: unknown) {
    return err(fromParserThrow(thrown, file));
  }
}

/**
 * The File Meta group alone (PS3.10 7.1), which is never deflated: enough to learn the transfer syntax before the
 * data set is parsed. dicom-parser would otherwise try to inflate a deflated data set itself, which fails both in the
 * browser (no pako global) and in Node (it expects a Buffer).
 */
export function parseFileMeta(bytes: Uint8Array, file: string): Result<DataSet, DicomError> {
  if (!hasPart10Magic(bytes)) return err(dicomError('NOT_DICOM', file));
  try {
    return ok(dicomParser.readPart10Header(bytes));
  } catch (thrown: unknown) {
    return err(fromParserThrow(thrown, file));
  }
}

function fromParserThrow(thrown: unknown, file: string): DicomError {
  const message = parserMessage(thrown);
  // Reading past the end (parser's words vary by call site) means the file was cut short: a partial copy or download.
  if (/past end|overrun|overread|cannot seek/i.test(message)) return dicomError('TRUNCATED', file, message);
  // dicom-parser inflates Deflated Explicit VR LE only in Node or with a global pako; we never let it try.
  if (/inflater/i.test(message)) return dicomError('UNSUPPORTED_TRANSFER_SYNTAX', file, message);
  return dicomError('MALFORMED', file, message);
}

function parserMessage(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'object' && thrown !== null && 'exception' in thrown) {
    return parserMessage((thrown as { exception: unknown }).exception);
  }
  return String(thrown);
}
