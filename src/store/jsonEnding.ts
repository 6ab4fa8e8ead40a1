// Whether a JSON file is whole: its top-level object opens at the start and closes at the end. A backup cut short
// (an interrupted download or copy, a full disk) is still valid JSON up to the cut, and a streaming reader takes
// the rows before the cut as the whole file; this scan tells the two apart before anything is read from it.
// It reads bytes, not text: every byte that structures JSON is ASCII, and no byte of a multi-byte UTF-8 character
// is below 0x80, so chunks can be cut anywhere. Values themselves are checked by the JSON reader that follows.

export type JsonEnding =
  | { readonly kind: 'complete'; readonly size: number }
  /** The file ends inside its top-level object: `size` bytes were there. */
  | { readonly kind: 'cut-short'; readonly size: number }
  /** Not a JSON object at the start, brackets that do not match, or more after the end; `at` is the byte offset. */
  | { readonly kind: 'not-json'; readonly at: number; readonly found: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Map([[0x7b, 0x7d], [0x5b, 0x5d]]);
const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** A few characters at the place where the file stops being JSON, for the refusal to quote. */
const shown = (bytes: Uint8Array, i: number): string => new TextDecoder().decode(bytes.subarray(i, i + 24)).replace(/\s+/g, ' ').trim();

export interface JsonEndScan {
  /** Feeds the next chunk of the file. */
  push(bytes: Uint8Array): void;
  /** The verdict once every chunk was pushed. */
  finish(): JsonEnding;
}

export function scanJsonEnding(): JsonEndScan {
  const closers: number[] = [];
  let started = false;
  let closed = false;
  let inString = false;
  let escaped = false;
  let size = 0;
  let failure: JsonEnding | undefined;

  const push = (bytes: Uint8Array): void => {
    // The next quote and backslash at or after i in this chunk, found once each (-1: none left), so that a string
    // full of escapes is not searched to its end again at every one of them.
    let quote = -2;
    let slash = -2;
    const nextOf = (byte: number, last: number, i: number): number => (last === -1 || (last >= i) ? last : bytes.indexOf(byte, i));
    for (let i = 0; i < bytes.length && failure === undefined; i++) {
      const b = bytes[i] as number;
      if (inString) {
        if (escaped) { escaped = false; continue; }
        // Most of a backup is long strings (encoded images): jump to the next quote or backslash.
        quote = nextOf(QUOTE, quote, i);
        slash = nextOf(BACKSLASH, slash, i);
        const next = quote < 0 ? slash : slash < 0 ? quote : Math.min(quote, slash);
        if (next < 0) { i = bytes.length; break; }
        i = next;
        if (bytes[i] === BACKSLASH) escaped = true;
        else inString = false;
        continue;
      }
      if (isSpace(b)) continue;
      if (closed || (!started && b !== 0x7b)) { failure = { kind: 'not-json', at: size + i, found: shown(bytes, i) }; break; }
      started = true;
      const closer = OPENERS.get(b);
      if (closer !== undefined) closers.push(closer);
      else if (b === 0x7d || b === 0x5d) {
        if (closers.pop() !== b) { failure = { kind: 'not-json', at: size + i, found: shown(bytes, i) }; break; }
        if (closers.length === 0) closed = true;
      } else if (b === QUOTE) inString = true;
    }
    size += bytes.length;
  };

  const finish = (): JsonEnding => {
    if (failure !== undefined) return failure;
    if (!started) return { kind: 'not-json', at: size, found: '' };
    return closed ? { kind: 'complete', size } : { kind: 'cut-short', size };
  };
  return { push, finish };
}

/** The scan of a whole text (the command line has the file as text already). */
export function jsonEndingOfText(text: string): JsonEnding {
  const scan = scanJsonEnding();
  scan.push(new TextEncoder().encode(text));
  return scan.finish();
}
