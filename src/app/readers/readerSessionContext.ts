// The reader session, for the composition roots below main.tsx (the reading screen opens that reader's record).
import { createContext, useContext } from 'react';
import type { ReaderSession } from './useReaderSession';

const SessionContext = createContext<ReaderSession | null>(null);

export const ReaderSessionProvider = SessionContext.Provider;

export function useReaderSessionContext(): ReaderSession {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('the screens need a <ReaderSessionProvider> above them (main.tsx)');
  return session;
}
