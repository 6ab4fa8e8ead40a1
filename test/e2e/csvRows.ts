// A downloaded CSV as records keyed by its header, for the browser tests that check an export's cells.
import { parseCsv } from '../../src/shared/csv';

export function readCsvRows(text: string): Record<string, string>[] {
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new Error(`not CSV: line ${parsed.error.line}`);
  const [header, ...records] = parsed.records.filter((r) => r.fields.some((f) => f !== ''));
  if (!header) return [];
  return records.map((r) => Object.fromEntries(header.fields.map((name, i) => [name, r.fields[i] ?? ''])));
}
