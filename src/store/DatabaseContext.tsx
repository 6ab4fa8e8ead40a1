// The open database, handed to the components below the composition root. Opening it (and failing to) is the
// root's job; components only read it through hooks and pass it to repositories.
import { createContext, useContext, type ReactNode } from 'react';
import type { RecistDatabase } from './database';

const DatabaseContext = createContext<RecistDatabase | null>(null);

export function DatabaseProvider({ db, children }: { readonly db: RecistDatabase; readonly children: ReactNode }) {
  return <DatabaseContext.Provider value={db}>{children}</DatabaseContext.Provider>;
}

/** The database of the nearest DatabaseProvider. Using it outside one is a bug in the composition root. */
export function useDatabase(): RecistDatabase {
  const db = useContext(DatabaseContext);
  if (db === null) throw new Error('useDatabase needs a <DatabaseProvider> above it');
  return db;
}
