// Messages between the main thread and the loading workers. The main thread only says what to read: a Blob made of
// the wanted ranges of one or many files (one handle per message; cloning a File per file costs a round trip to the
// browser each, 100 ms of the main thread for 300 files). The worker reads it in one request (the browser's cost is
// per request far more than per byte), parses, decodes, and sends pixels back in transferred ArrayBuffers: the main
// thread never copies file bytes.
import type { DicomError } from '../../dicom/dicomError';
import type { FrameSpec } from '../../dicom/decodeSlice';
import type { Fragment } from '../../dicom/encapsulatedFrames';
import type { HeaderRead, NativeLocation } from '../../dicom/readFileHeader';
import type { DecodedSlice } from '../../dicom/slicePixels';
import type { Result } from '../../shared/result';

/** A file to import: a File from a picker or a drop, or a Blob fetched for the embedded sample. */
export interface NamedBlob {
  /** Path as the user knows it (folder-relative when a folder was chosen). */
  readonly name: string;
  readonly blob: Blob;
}

/** How the bytes of a decode task's Blob hold the frame. */
export type FrameLayout =
  /** Exactly the frame's native bytes. */
  | { readonly kind: 'native'; readonly bigEndian: boolean }
  /**
   * Encapsulated bytes that start at file offset `base`: the frame's own fragments (from an earlier `index`), or,
   * for a single-frame file (`fragments` undefined), the whole pixel data value, whose fragments the worker finds.
   */
  | { readonly kind: 'encapsulated'; readonly base: number; readonly fragments: readonly Fragment[] | undefined }
  /** The whole deflated file: inflated in the worker, then frame `frameIndex` read at `location`. */
  | { readonly kind: 'deflated'; readonly location: NativeLocation; readonly frameIndex: number };

export type WorkerTask =
  /**
   * The first bytes of several files, one after another (`lengths` each), read in one go: their headers, or how many
   * bytes to send next time.
   */
  | {
    readonly kind: 'headers';
    readonly blob: Blob;
    readonly files: readonly { readonly name: string; readonly length: number; readonly fileSize: number }[];
  }
  /** The encapsulated pixel data value (from file offset `base` to the end): where each frame's fragments are. */
  | { readonly kind: 'index'; readonly name: string; readonly blob: Blob; readonly base: number; readonly numberOfFrames: number }
  | { readonly kind: 'decode'; readonly name: string; readonly blob: Blob; readonly spec: FrameSpec; readonly layout: FrameLayout }
  /** Native frames of several slices, one after another in the Blob, read in one request and decoded each. */
  | { readonly kind: 'decodeMany'; readonly blob: Blob; readonly frames: readonly DecodeManyFrame[] };

export interface DecodeManyFrame {
  readonly name: string;
  readonly length: number;
  readonly spec: FrameSpec;
  readonly bigEndian: boolean;
}

/**
 * Loads the codec of a compressed transfer syntax (its WASM) in a worker ahead of the first frame: sent to every
 * worker as soon as a scan meets the syntax, so the first image does not wait for it.
 */
export interface WarmTask {
  readonly kind: 'warm';
  readonly transferSyntaxUid: string;
  readonly format: FrameSpec['format'];
}

export type TaskResult<T extends WorkerTask | WarmTask> =
  T extends { kind: 'warm' } ? null
    : T extends { kind: 'headers' } ? HeaderRead[]
    : T extends { kind: 'index' } ? Result<Fragment[][], DicomError>
      : T extends { kind: 'decodeMany' } ? Result<DecodedSlice, DicomError>[]
        : Result<DecodedSlice, DicomError>;

export type WorkerRequest = (WorkerTask | WarmTask) & { readonly id: number };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  /** The worker threw: a bug, not a bad file (those come back as Result values). */
  | { readonly id: number; readonly ok: false; readonly message: string };
