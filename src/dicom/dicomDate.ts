/**
 * DA (PS3.5, 6.2) `YYYYMMDD` to ISO `YYYY-MM-DD`; undefined for anything else. The old ACR-NEMA form
 * `YYYY.MM.DD` is accepted because it still turns up in archives.
 */
export function dicomDateToIso(value: string | undefined): string | undefined {
  const match = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, year = '', month = '', day = ''] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1
    && date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : undefined;
}
