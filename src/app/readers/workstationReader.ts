// Who reads on this workstation now: kept in this browser, so a reload opens the same reader's record.
const KEY = 'recist-reader:reader-name';

export function rememberedReader(): string | undefined {
  try {
    const name = localStorage.getItem(KEY)?.trim();
    return name ? name : undefined;
  } catch {
    return undefined;
  }
}

export function rememberReader(name: string): void {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    // Storage refused (private mode): the reader is asked again after a reload; nothing of the record is lost.
  }
}
