// The data set model the SR writer builds and the reader gives back: elements with their VR, values as JavaScript
// strings and numbers, sequences as lists of items. Small on purpose: only what a TID 1500 SR holds.

export type StringVr = 'AE' | 'CS' | 'DA' | 'DS' | 'DT' | 'IS' | 'LO' | 'LT' | 'PN' | 'SH' | 'ST' | 'TM' | 'UC' | 'UI' | 'UR' | 'UT';
export type NumberVr = 'FD' | 'FL' | 'SL' | 'SS' | 'UL' | 'US';

export type Element =
  | { readonly tag: number; readonly vr: StringVr; readonly value: readonly string[] }
  | { readonly tag: number; readonly vr: NumberVr; readonly value: readonly number[] }
  | { readonly tag: number; readonly vr: 'SQ'; readonly value: readonly DataSet[] }
  | { readonly tag: number; readonly vr: 'OB' | 'UN'; readonly value: Uint8Array };

/** Elements in any order; the writer sorts them by tag. */
export type DataSet = readonly Element[];

/** Tag as one number, group in the high 16 bits: tag(0x0040, 0xa730). */
export const tag = (group: number, element: number): number => ((group << 16) | element) >>> 0;

export const str = (t: number, vr: StringVr, ...values: string[]): Element => ({ tag: t, vr, value: values });
export const num = (t: number, vr: NumberVr, ...values: number[]): Element => ({ tag: t, vr, value: values });
export const seq = (t: number, ...items: DataSet[]): Element => ({ tag: t, vr: 'SQ', value: items });

export const hexTag = (t: number): string => `(${(t >>> 16).toString(16).padStart(4, '0')},${(t & 0xffff).toString(16).padStart(4, '0')})`;
