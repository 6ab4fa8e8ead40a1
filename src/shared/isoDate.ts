// Calendar dates as ISO strings (YYYY-MM-DD): no time zone can shift them, and they sort as text.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Answers already given, by text. A cohort file repeats a few hundred scan dates on half a million rows, and a Map
 * lookup is far cheaper than a regex and a Date each time. Cleared when full, so odd input cannot grow it for ever.
 */
const checked = new Map<string, boolean>();
const MAX_CHECKED = 10_000;

/** True for a real calendar date written YYYY-MM-DD (2023-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const known = checked.get(text);
  if (known !== undefined) return known;
  const answer = checkIsoDate(text);
  if (checked.size >= MAX_CHECKED) checked.clear();
  checked.set(text, answer);
  return answer;
}

function checkIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be valid ISO dates. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10);
}
