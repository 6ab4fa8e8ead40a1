// The reader reading now, for the controls that sign in their name (the sign-off bar, the adjudication form),
// without threading it through every panel between the composition root and them.
import { createContext, useContext } from 'react';

export interface ReaderIdentity {
  /** Undefined until the first reader of this workstation gives their name. */
  readonly reader: string | undefined;
  /** Names the reader reading now (the first sign-off of an unnamed workstation names its reader). */
  readonly onNameReader: (name: string) => void;
}

const ReaderContext = createContext<ReaderIdentity>({ reader: undefined, onNameReader: () => undefined });

export const ReaderProvider = ReaderContext.Provider;

export const useReaderIdentity = (): ReaderIdentity => useContext(ReaderContext);
