// How far a load has got, outside React's props: the loading panel alone subscribes (useSyncExternalStore), so the
// "n of N files read" ticks of an import re-render that panel and not the reading screen under it. A screen-wide
// re-render per tick cost the main thread tens of milliseconds while the last headers came in, on the way to the
// first image.

export interface LoadProgress {
  readonly what: string;
  readonly done: number;
  readonly total: number | undefined;
}

export interface LoadProgressFeed {
  readonly getSnapshot: () => LoadProgress;
  readonly subscribe: (listener: () => void) => () => void;
  /** `done` of `total` files read so far. */
  report(done: number, total: number): void;
}

/** The feed of one load of `what`, at nothing read yet (total not known). */
export function createLoadProgressFeed(what: string): LoadProgressFeed {
  let snapshot: LoadProgress = { what, done: 0, total: undefined };
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report(done, total) {
      if (done === snapshot.done && total === snapshot.total) return;
      snapshot = { what, done, total };
      for (const listener of listeners) listener();
    },
  };
}
