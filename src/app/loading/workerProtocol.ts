// Messages between the main thread and the loading workers. The main thread only says what to read: the files
// themselves and, where less than a whole file is wanted, which bytes. Every Blob operation (File.size the first time,
// each slice, each new Blob) is a synchronous round trip to the browser process, about 0.5 ms on a busy 2-core
// machine; all of them happen in the workers. What the main thread pays is posting a File, and only the first time:
// the clone takes the file's size and date once (about 0.3 ms), later clones of the same File are nearly free. The
// worker reads, parses and decodes, and sends pixels back in transferred ArrayBuffers: the main thread never copies
// file bytes.
import type { DicomError } from '../../dicom/dicomError';
import type { FrameSpec } from '../../dicom/decodeSlice';
import type { Fragment } from '../../dicom/encapsulatedFrames';
import type { FileHeader, NativeLocation } from '../../dicom/readFileHeader';
import type { DecodedSlice } from '../../dicom/slicePixels';
import type { Result } from '../../shared/result';

/** A file to import: a File from a picker or a drop, or a Blob fetched for the embedded sample. */
export interface NamedBlob {
  /** Path as the user knows it (folder-relative when a folder was chosen). */
  readonly name: string;
  readonly blob: Blob;
}

/**
 * What to read of a file: all of it (`range` undefined), or bytes [start, end), to its end when `end` is undefined.
 * A single-frame file is read whole: no slice to make, and its header is 1-2 % of it.
 */
export interface FilePart extends NamedBlob {
  readonly range?: { readonly start: number; readonly end?: number };
}

/** How the bytes read for a decode task hold the frame. */
export type FrameLayout =
  /** Native bytes, the frame at `offset` in what was read (0 for a read of the frame alone). */
  | { readonly kind: 'native'; readonly bigEndian: boolean; readonly offset: number }
  /** Encapsulated bytes that start at file offset `base`: the frame's own fragments (from an earlier `index`). */
  | { readonly kind: 'encapsulated'; readonly base: number; readonly fragments: readonly Fragment[] }
  /**
   * A single-frame compressed file, read whole: its pixel data value starts at `valueOffset`, and the worker finds
   * the frame's fragments there. Whole, because skipping the header would need a slice of the File, a synchronous
   * round trip to the browser per frame (1-1.5 ms in a worker's CPU profile), to save a few KB of reading.
   */
  | { readonly kind: 'encapsulatedFile'; readonly valueOffset: number }
  /** The whole deflated file: inflated in the worker, then frame `frameIndex` read at `location`. */
  | { readonly kind: 'deflated'; readonly location: NativeLocation; readonly frameIndex: number };

/** One native frame of a decodeMany task: where it is in its part, and how to read it. */
export interface DecodeManyFrame {
  readonly part: FilePart;
  /** Where the frame starts in the bytes of `part`. */
  readonly offset: number;
  readonly length: number;
  readonly spec: FrameSpec;
  readonly bigEndian: boolean;
}

export type WorkerTask =
  /**
   * Several files' headers. Their first `prefixBytes` (or less, for a smaller file) are read in one request; a header
   * that goes on is read again, larger, in the same task.
   */
  | { readonly kind: 'headers'; readonly files: readonly NamedBlob[]; readonly prefixBytes: number }
  /** The encapsulated pixel data value (from file offset `base` to the end): where each frame's fragments are. */
  | { readonly kind: 'index'; readonly name: string; readonly blob: Blob; readonly base: number; readonly numberOfFrames: number }
  | { readonly kind: 'decode'; readonly part: FilePart; readonly spec: FrameSpec; readonly layout: FrameLayout }
  /** Native frames of several slices, their parts read in one request and decoded each. */
  | { readonly kind: 'decodeMany'; readonly frames: readonly DecodeManyFrame[] };

/** What a headers task found: each file's header (or why not), and the longest prefix any of them needed. */
export interface HeadersRead {
  readonly headers: Result<FileHeader, DicomError>[];
  /** At least the task's prefixBytes: later scans start there, so long headers are not read twice each. */
  readonly prefixBytes: number;
}

/**
 * Loads the codec of a compressed transfer syntax (its WASM) in a worker ahead of the first frame: sent to every
 * worker as soon as a scan meets the syntax, so the first image does not wait for it. With a warm-up file (one
 * worker's task only), the codec also decodes that file, so its first real frame is fast too (codecWarmup.ts).
 */
export interface WarmTask {
  readonly kind: 'warm';
  readonly transferSyntaxUid: string;
  readonly format: FrameSpec['format'];
  readonly warmupFileUrl?: string;
}

export type TaskResult<T extends WorkerTask | WarmTask> =
  T extends { kind: 'warm' } ? null
    : T extends { kind: 'headers' } ? HeadersRead
    : T extends { kind: 'index' } ? Result<Fragment[][], DicomError>
      : T extends { kind: 'decodeMany' } ? Result<DecodedSlice, DicomError>[]
        : Result<DecodedSlice, DicomError>;

export type WorkerRequest = (WorkerTask | WarmTask) & { readonly id: number };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  /** The worker threw: a bug, not a bad file (those come back as Result values). */
  | { readonly id: number; readonly ok: false; readonly message: string };
