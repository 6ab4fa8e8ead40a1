// How many days apart two readers' progression dates may be and still agree, as the trial's charter sets it: kept in
// this browser for the double-read screen and the adjudicator's reading screen alike (default 0: the same scan).
const KEY = 'recist-reader:discordance-days';

export function rememberedDiscordanceDays(): number {
  try {
    const text = localStorage.getItem(KEY);
    const days = text === null ? 0 : Number(text);
    return Number.isInteger(days) && days >= 0 ? days : 0;
  } catch {
    return 0;
  }
}

export function rememberDiscordanceDays(days: number): void {
  try {
    localStorage.setItem(KEY, String(days));
  } catch {
    // Storage refused: the choice holds for this page only.
  }
}
