// How an exported CSV is written: line ending and byte-order mark. RFC 4180 quoting and the neutralising of
// formula-like cells are shared/csv.ts's, the same for every file.
import { writeCsv } from '../shared/csv';

export type LineEnding = 'lf' | 'crlf';

export interface CsvFormat {
  /** LF for R and Python (both also read CRLF); CRLF is RFC 4180's and what Excel on Windows writes. */
  readonly lineEnding: LineEnding;
  /** A UTF-8 byte-order mark, so Excel reads accented names as UTF-8; R and pandas skip it. */
  readonly bom: boolean;
}

export const DEFAULT_CSV_FORMAT: CsvFormat = { lineEnding: 'lf', bom: false };

export function csvText(header: readonly string[], rows: readonly (readonly string[])[], format: CsvFormat): string {
  const text = writeCsv(header, rows, { newline: format.lineEnding === 'crlf' ? '\r\n' : '\n' });
  return format.bom ? `\uFEFF${text}` : text;
}
