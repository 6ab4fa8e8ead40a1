// The browser's storage for this origin: ask it to keep our data (a reader's measurements must not be evicted under
// storage pressure) and show how much is used. Both APIs are missing in some browsers and contexts (http, old
// Safari), which is an answer, not an error.

export interface StorageEstimate {
  readonly usedBytes: number;
  readonly quotaBytes: number;
  /** True when the browser has agreed not to evict this origin's data. */
  readonly persisted: boolean;
}

const storageManager = (): StorageManager | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.storage;

/** Asks for persistent storage; true when granted, false when refused or when the browser cannot say. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (storage === undefined || typeof storage.persist !== 'function') return false;
  try {
    return await storage.persist();
  } catch {
    // Some browsers reject in private windows instead of answering false; the answer is the same.
    return false;
  }
}

/** Usage and quota of this origin, or undefined when the browser does not tell. */
export async function storageEstimate(): Promise<StorageEstimate | undefined> {
  const storage = storageManager();
  if (storage === undefined || typeof storage.estimate !== 'function') return undefined;
  try {
    const estimate = await storage.estimate();
    const persisted = typeof storage.persisted === 'function' ? await storage.persisted() : false;
    return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted };
  } catch {
    return undefined;
  }
}
