import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage, storageEstimate } from '../../src/store/storageStatus';

afterEach(() => {
  vi.unstubAllGlobals();
});

const withStorage = (storage: Partial<StorageManager> | undefined) => vi.stubGlobal('navigator', { storage });

describe('storage status', () => {
  it('reports usage, quota and persistence when the browser tells', async () => {
    withStorage({ estimate: async () => ({ usage: 1200, quota: 5000 }), persisted: async () => true });
    expect(await storageEstimate()).toEqual({ usedBytes: 1200, quotaBytes: 5000, persisted: true });
  });

  it('is undefined when the StorageManager API is missing or fails', async () => {
    withStorage(undefined);
    expect(await storageEstimate()).toBeUndefined();
    withStorage({ estimate: () => Promise.reject(new Error('denied')) });
    expect(await storageEstimate()).toBeUndefined();
  });

  it('asks for persistent storage and passes on the browser\'s answer', async () => {
    const persist = vi.fn(async () => true);
    withStorage({ persist });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('answers false when persistence is refused, unsupported or throws', async () => {
    withStorage({ persist: async () => false });
    expect(await requestPersistentStorage()).toBe(false);
    withStorage({});
    expect(await requestPersistentStorage()).toBe(false);
    withStorage({ persist: () => Promise.reject(new Error('private window')) });
    expect(await requestPersistentStorage()).toBe(false);
  });
});
