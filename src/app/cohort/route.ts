// The app's screens by URL hash: `#cohort` is the cohort survival screen, `#double-read` the double reads and their
// adjudication, anything else the reading screen. A hash, not a path: the built app is a static folder served from
// any path (vite.config.ts `base: './'`).
import { useSyncExternalStore } from 'react';

export type Route = 'reading' | 'cohort' | 'double-read';

export const COHORT_HASH = '#cohort';
export const DOUBLE_READ_HASH = '#double-read';

export const routeOf = (hash: string): Route =>
  hash === COHORT_HASH ? 'cohort' : hash === DOUBLE_READ_HASH ? 'double-read' : 'reading';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The screen the URL asks for, following the back button and links. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeOf(window.location.hash));
}
