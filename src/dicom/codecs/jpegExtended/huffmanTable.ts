// Huffman decoding tables from a DHT segment (ITU-T T.81 Annex C, and F.2.2.3 for the decoding procedure).
import { CorruptJpeg } from './corruptJpeg';

export interface HuffmanTable {
  /** Largest code of each length 1..16, -1 when there is none (MAXCODE). */
  readonly maxCode: Int32Array;
  /** Index into `values` of the first code of each length, minus that code (VALPTR - MINCODE). */
  readonly valueOffset: Int32Array;
  /** HUFFVAL: the symbols, in code order. */
  readonly values: Uint8Array;
}

/** `counts[l - 1]` codes of length l (BITS), then their symbols (HUFFVAL). Canonical codes, as C.2 generates them. */
export function huffmanTable(counts: Uint8Array, values: Uint8Array): HuffmanTable {
  const total = counts.reduce((n, c) => n + c, 0);
  if (total > 256 || total > values.length) throw new CorruptJpeg(`Huffman table lists ${total} codes`);
  const maxCode = new Int32Array(18).fill(-1);
  const valueOffset = new Int32Array(18);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const n = counts[length - 1] as number;
    if (n > 0) {
      valueOffset[length] = k - code;
      code += n;
      k += n;
      maxCode[length] = code - 1;
      if (code > 1 << length) throw new CorruptJpeg('Huffman table has more codes than a length allows');
    }
    code <<= 1;
  }
  return { maxCode, valueOffset, values: values.slice(0, total) };
}
