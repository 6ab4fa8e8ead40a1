// Encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item, then fragment items, then a sequence delimiter.
// Which fragments make which frame, from the bytes of the element's value alone.
import { err, ok, type Result } from '../shared/result';
import type { FrameProblem } from './decodeSlice';

/** A fragment's value: `offset` counts from wherever the caller's bytes started (the file, or the element's value). */
export interface Fragment {
  readonly offset: number;
  readonly length: number;
}

const ITEM = 0xe000;
const SEQUENCE_DELIMITER = 0xe0dd;
const ITEM_GROUP = 0xfffe;
const ITEM_HEADER = 8;

/**
 * The fragments of each frame. `value` holds the element's value from its first item on; `base` is added to every
 * offset so they can point into the file. Frames are found, in this order, by the Basic Offset Table; as all
 * fragments when there is one frame; one fragment per frame when the counts agree; or by the start-of-codestream
 * marker that begins each JPEG (FFD8) or JPEG 2000 (FF4F) frame.
 */
export function encapsulatedFrames(value: Uint8Array, base: number, numberOfFrames: number):
  Result<Fragment[][], FrameProblem> {
  const items = readItems(value);
  if (!items.ok) return items;
  const [table, ...fragments] = items.value;
  if (table === undefined) return corrupt('no Basic Offset Table item');
  if (fragments.length === 0) return corrupt('no fragments');
  const absolute = (f: Fragment) => ({ offset: f.offset + base, length: f.length });

  const offsets = table.length > 0 ? readOffsets(value, table) : undefined;
  let frames: Fragment[][];
  if (offsets && offsets.length === numberOfFrames) {
    // Offsets count from the first fragment's item tag.
    const first = (fragments[0] as Fragment).offset - ITEM_HEADER;
    frames = offsets.map((start, k) => {
      const end = offsets[k + 1] ?? Infinity;
      return fragments.filter((f) => f.offset - ITEM_HEADER - first >= start && f.offset - ITEM_HEADER - first < end);
    });
  } else if (numberOfFrames === 1) {
    frames = [fragments];
  } else if (fragments.length === numberOfFrames) {
    frames = fragments.map((f) => [f]);
  } else {
    frames = [];
    for (const fragment of fragments) {
      const last = frames[frames.length - 1];
      if (last === undefined || startsCodestream(value, fragment)) frames.push([fragment]);
      else last.push(fragment);
    }
  }
  if (frames.length !== numberOfFrames || frames.some((f) => f.length === 0)) {
    const detail = `found ${frames.length} frame(s) in ${fragments.length} fragment(s); NumberOfFrames is ${numberOfFrames}`;
    // Fewer fragments than frames: frames are missing, whatever the offsets say. Otherwise they cannot be told apart.
    return fragments.length < numberOfFrames ? err({ code: 'FRAME_COUNT_MISMATCH', detail }) : corrupt(detail);
  }
  return ok(frames.map((frame) => frame.map(absolute)));
}

const corrupt = (detail: string) => err<FrameProblem>({ code: 'CORRUPT_PIXEL_DATA', detail });

function readItems(value: Uint8Array): Result<Fragment[], FrameProblem> {
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const items: Fragment[] = [];
  let at = 0;
  while (at + ITEM_HEADER <= value.length) {
    const group = view.getUint16(at, true);
    const element = view.getUint16(at + 2, true);
    const length = view.getUint32(at + 4, true);
    if (group !== ITEM_GROUP) return corrupt(`expected an item at byte ${at} of the pixel data`);
    if (element === SEQUENCE_DELIMITER) return ok(items);
    if (element !== ITEM) return corrupt(`unexpected (FFFE,${element.toString(16).toUpperCase()}) in the pixel data`);
    if (at + ITEM_HEADER + length > value.length) {
      return err({ code: 'TRUNCATED', detail: `fragment at byte ${at} runs past the end of the file` });
    }
    items.push({ offset: at + ITEM_HEADER, length });
    at += ITEM_HEADER + length;
  }
  // Some writers end the file without a delimiter; what is complete is usable.
  return items.length > 0 ? ok(items) : err({ code: 'TRUNCATED', detail: 'the pixel data has no items' });
}

/**
 * How many fragments follow the Basic Offset Table, counted without keeping them (a hostile file may declare a
 * million); undefined when the items are not well formed, which encapsulatedFrames then says in detail.
 */
export function countFragments(value: Uint8Array): number | undefined {
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  let items = 0;
  let at = 0;
  while (at + ITEM_HEADER <= value.length) {
    if (view.getUint16(at, true) !== ITEM_GROUP) return undefined;
    const element = view.getUint16(at + 2, true);
    if (element === SEQUENCE_DELIMITER) break;
    if (element !== ITEM) return undefined;
    items++;
    at += ITEM_HEADER + view.getUint32(at + 4, true);
  }
  return Math.max(0, items - 1);
}

function readOffsets(value: Uint8Array, table: Fragment): number[] {
  const view = new DataView(value.buffer, value.byteOffset + table.offset, table.length);
  return Array.from({ length: table.length >> 2 }, (_, i) => view.getUint32(i * 4, true));
}

function startsCodestream(value: Uint8Array, fragment: Fragment): boolean {
  const a = value[fragment.offset];
  const b = value[fragment.offset + 1];
  return a === 0xff && (b === 0xd8 || b === 0x4f);
}

/** A frame's fragments as one byte array: a view when it is one fragment, else a copy of them joined. */
export function joinFragments(bytes: Uint8Array, fragments: readonly Fragment[], base = 0): Uint8Array {
  if (fragments.length === 1) {
    const [f] = fragments as [Fragment];
    return bytes.subarray(f.offset - base, f.offset - base + f.length);
  }
  const out = new Uint8Array(fragments.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of fragments) {
    out.set(bytes.subarray(f.offset - base, f.offset - base + f.length), at);
    at += f.length;
  }
  return out;
}
