/** The time stamped on rows the store writes itself (findings, lesions). One place, so nothing else reads the clock. */
export const nowIso = (): string => new Date().toISOString();
