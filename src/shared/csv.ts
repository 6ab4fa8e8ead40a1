// RFC 4180 CSV: one reader and one writer for every CSV this project reads or writes.

export interface CsvRecord {
  /** 1-based line number where the record starts in the source text (header is line 1). */
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvParseError = {
  readonly code: 'UNTERMINATED_QUOTE' | 'TEXT_AFTER_QUOTE' | 'NOT_UTF8' | 'UTF16';
  readonly line: number;
};

/** What is wrong, in words a research coordinator can act on (the line is said by the caller). */
export function describeCsvParseError(error: CsvParseError): string {
  switch (error.code) {
    case 'UNTERMINATED_QUOTE':
      return 'a quoted field is never closed (CSV quoting, RFC 4180)';
    case 'TEXT_AFTER_QUOTE':
      return 'text follows a closing quote (CSV quoting, RFC 4180)';
    case 'NOT_UTF8':
      return 'the file is not UTF-8 text from here on (Latin-1 or Windows-1252, perhaps: "é" saved as one byte); save it as UTF-8 ("CSV UTF-8" in Excel) and try again';
    case 'UTF16':
      return 'the file is UTF-16 text, not UTF-8; save it as UTF-8 ("CSV UTF-8" in Excel) and try again';
  }
}

/**
 * Text read as UTF-8 holds U+FFFD where its bytes were not UTF-8 (TextDecoder, File.text() and Node's 'utf8' all
 * replace them), and NUL characters when it was UTF-16: either would merge "Pé" and "Pè" into one patient, so the
 * file is refused at the first such line.
 */
function encodingError(text: string): CsvParseError | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { code: 'UTF16', line: lineAt(text, nul) };
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) return { code: 'NOT_UTF8', line: lineAt(text, replaced) };
  return undefined;
}

const lineAt = (text: string, index: number): number => countNewlines(text.slice(0, index)) + 1;

/**
 * Undoes our own protection of formula-like cells (csvField): a leading apostrophe before = + - @ tab or CR is
 * ours, so a file we wrote reads back to the values we wrote ("=P1" stays one patient, not two).
 */
const FORMULA_PROTECTED = /^'+[=+\-@\t\r]/;
export const unprotectFormula = (field: string): string => (FORMULA_PROTECTED.test(field) ? field.slice(1) : field);

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvParseError };

/**
 * Parses CSV text (LF or CRLF, quoted fields with "" escapes, optional UTF-8 BOM). Blank lines are skipped.
 * Fields are sliced from the source, never built a character at a time: half a million rows stay fast.
 */
export function parseCsv(text: string): CsvParseResult {
  const records: CsvRecord[] = [];
  const error = forEachCsvRecord(text, (fields, line) => {
    records.push({ line, fields });
  });
  return error === undefined ? { ok: true, records } : { ok: false, error };
}

/**
 * The same reading as parseCsv, handing each record to `visit` as it is read instead of keeping them all. A reader
 * of a large file that keeps only what it makes of each record leaves the record itself as short-lived garbage,
 * cheap to collect. Records before an error are visited; the error is returned (undefined when there is none).
 */
export function forEachCsvRecord(text: string, visit: (fields: string[], line: number) => void): CsvParseError | undefined {
  const badEncoding = encodingError(text);
  if (badEncoding !== undefined) return badEncoding;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      let field: string;
      if (src.charCodeAt(i) === 34 /* " */) {
        blank = false;
        const quoteLine = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = src.indexOf('"', from);
          if (q < 0) return { code: 'UNTERMINATED_QUOTE', line: quoteLine };
          value += src.slice(from, q);
          if (src.charCodeAt(q + 1) === 34) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        line += countNewlines(value);
        field = value;
        const c = src.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && !(c === 13 && src.charCodeAt(i + 1) === 10)) {
          return { code: 'TEXT_AFTER_QUOTE', line };
        }
      } else {
        let j = i;
        while (j < n) {
          const c = src.charCodeAt(j);
          if (c === 44 || c === 10 || (c === 13 && src.charCodeAt(j + 1) === 10)) break;
          j++;
        }
        field = src.slice(i, j);
        if (field !== '') blank = false;
        i = j;
      }
      fields.push(field.charCodeAt(0) === 39 /* ' */ ? unprotectFormula(field) : field);
      if (i < n && src.charCodeAt(i) === 44) {
        blank = false;
        i++;
        continue;
      }
      break;
    }
    // At the end of a record: skip its newline (LF or CRLF).
    if (i < n) {
      i += src.charCodeAt(i) === 13 ? 2 : 1;
      line++;
    }
    if (!blank) visit(fields, recordLine);
  }
  return undefined;
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) count++;
  return count;
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
  // An apostrophe already before a formula character gets one more, so the reader's unprotectFormula gives it back.
  return /^'*[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
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
