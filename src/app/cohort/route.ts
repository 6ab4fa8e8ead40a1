// The app's two screens by URL hash: `#cohort` is the cohort survival screen, anything else the reading screen.
// A hash, not a path: the built app is a static folder served from any path (vite.config.ts `base: './'`).
import { useSyncExternalStore } from 'react';

export type Route = 'reading' | 'cohort';

export const COHORT_HASH = '#cohort';

export const routeOf = (hash: string): Route => (hash === COHORT_HASH ? 'cohort' : 'reading');

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The screen the URL asks for, following the back button and links. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeOf(window.location.hash));
}
