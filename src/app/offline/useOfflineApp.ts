// The service worker that keeps the app working with no network: registered once; when a new version has been
// downloaded, the reader is told and decides when to switch (never in the middle of a read).
import { useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';

export interface OfflineApp {
  /** Everything is cached: the app now opens without a network. */
  readonly offlineReady: boolean;
  /** A new version is downloaded and waits for the reader. */
  readonly updateReady: boolean;
  /** Switches to the new version (reloads the page); saved work is in the database, so nothing is lost. */
  readonly applyUpdate: () => void;
  readonly dismiss: () => void;
}

export function useOfflineApp(): OfflineApp {
  const [offlineReady, setOfflineReady] = useState(false);
  const [updateReady, setUpdateReady] = useState(false);
  const update = useRef<((reload?: boolean) => Promise<void>) | undefined>(undefined);
  useEffect(() => {
    update.current = registerSW({
      onNeedRefresh: () => setUpdateReady(true),
      onOfflineReady: () => setOfflineReady(true),
    });
  }, []);
  return {
    offlineReady,
    updateReady,
    applyUpdate: () => void update.current?.(true),
    dismiss: () => {
      setOfflineReady(false);
      setUpdateReady(false);
    },
  };
}
