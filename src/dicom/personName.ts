/**
 * PN (PS3.5, 6.2.1) for display: `Family^Given^Middle^Prefix^Suffix` becomes "Family, Given Middle".
 * Only the alphabetic group (before the first `=`) is shown; ideographic and phonetic groups are dropped.
 */
export function formatPersonName(value: string): string {
  const alphabetic = value.split('=')[0] ?? '';
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = alphabetic.split('^').map((p) => p.trim());
  const rest = [prefix, given, middle, suffix].filter((p) => p !== '').join(' ');
  if (family === '') return rest;
  return rest === '' ? family : `${family}, ${rest}`;
}
