// RFC 4180 CSV: one reader and one writer for every CSV this project reads or writes.

export interface CsvRecord {
  /** 1-based line number where the record starts in the source text (header is line 1). */
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvParseError = { readonly code: 'UNTERMINATED_QUOTE' | 'TEXT_AFTER_QUOTE'; readonly line: number };

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvParseError };

/** Parses CSV text (LF or CRLF, quoted fields with "" escapes, optional UTF-8 BOM). Blank lines are skipped. */
export function parseCsv(text: string): CsvParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let atFieldStart = true;
  let blankSoFar = true;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!blankSoFar) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
    blankSoFar = true;
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && atFieldStart) {
      const quoteLine = line;
      blankSoFar = false;
      atFieldStart = false;
      i++;
      for (;;) {
        if (i >= src.length) return { ok: false, error: { code: 'UNTERMINATED_QUOTE', line: quoteLine } };
        const q = src[i];
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && src[i + 1] === '\n')) {
        return { ok: false, error: { code: 'TEXT_AFTER_QUOTE', line } };
      }
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      blankSoFar = false;
      i++;
    } else if (ch === '\n' || (ch === '\r' && src[i + 1] === '\n')) {
      endRecord();
      i += ch === '\n' ? 1 : 2;
      line++;
      recordLine = line;
    } else {
      field += ch;
      atFieldStart = false;
      blankSoFar = false;
      i++;
    }
  }
  if (!blankSoFar) endRecord();
  return { ok: true, records };
}

export interface CsvWriteOptions {
  /** Line ending; RFC 4180 says CRLF, R and pandas read either. */
  readonly newline?: '\n' | '\r\n';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula (starts with = + - @, tab or CR, and is not a number) gets a leading
 * apostrophe (OWASP "CSV injection"): a patient ID like "=HYPERLINK(...)" stays text when the file is opened.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** Quotes a field when it holds a comma, quote, CR or LF (RFC 4180), after neutralising formulas. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const nl = options.newline ?? '\n';
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join(nl) + nl;
}
