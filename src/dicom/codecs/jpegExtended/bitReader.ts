// Reading entropy-coded bits (ITU-T T.81 F.2.2.5): a 0xFF data byte is followed by a stuffed 0x00; any other byte
// after 0xFF is a marker, which ends the segment.
import { CorruptJpeg } from './corruptJpeg';
import type { HuffmanTable } from './huffmanTable';

export class BitReader {
  private position: number;
  private bits = 0;
  private bitCount = 0;

  constructor(
    private readonly data: Uint8Array,
    start: number,
  ) {
    this.position = start;
  }

  /** The next symbol under `table` (DECODE, F.2.2.3). */
  decode(table: HuffmanTable): number {
    let code = this.bit();
    let length = 1;
    while (code > (table.maxCode[length] as number)) {
      if (++length > 16) throw new CorruptJpeg('no Huffman code matches the bits');
      code = (code << 1) | this.bit();
    }
    return table.values[code + (table.valueOffset[length] as number)] as number;
  }

  /** `length` bits as a signed difference (RECEIVE then EXTEND, F.2.2.1). */
  receiveExtend(length: number): number {
    if (length === 0) return 0;
    let value = 0;
    for (let i = 0; i < length; i++) value = (value << 1) | this.bit();
    return value < 1 << (length - 1) ? value - (1 << length) + 1 : value;
  }

  /** Drops the bits left in the current byte and reads the RSTn marker that must follow (F.2.2.4 / E.2.4). */
  restart(expected: number): void {
    this.bitCount = 0;
    const marker = this.data[this.position + 1];
    if (this.data[this.position] !== 0xff || marker !== 0xd0 + (expected & 7)) {
      throw new CorruptJpeg(`restart marker RST${expected & 7} missing`);
    }
    this.position += 2;
  }

  /** Where the entropy-coded data ended: the position of the marker after it. */
  get end(): number {
    return this.position;
  }

  private bit(): number {
    if (this.bitCount === 0) this.fill();
    this.bitCount--;
    return (this.bits >> this.bitCount) & 1;
  }

  private fill(): void {
    const byte = this.data[this.position];
    if (byte === undefined) throw new CorruptJpeg('entropy-coded data runs past the end of the frame');
    if (byte === 0xff) {
      const next = this.data[this.position + 1];
      // A marker where data should be: the encoder ended the segment early, or bytes are missing.
      if (next !== 0x00) throw new CorruptJpeg(`marker FF${(next ?? 0).toString(16)} inside entropy-coded data`);
      this.position += 2;
    } else {
      this.position += 1;
    }
    this.bits = byte;
    this.bitCount = 8;
  }
}
