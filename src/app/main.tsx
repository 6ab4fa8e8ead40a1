// The theme first: the feature stylesheets the screens import come after it, so their rules win over the theme's
// at equal specificity (.button--danger's border over .button's).
import '../ui/theme.css';
import '../ui/readers/readers.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReaderChoice } from '../ui/readers/ReaderChoice';
import { ReaderProvider } from '../ui/readers/readerContext';
import { App } from './App';
import { CohortApp } from './cohort/CohortApp';
import { useRoute } from './cohort/route';
import { DoubleReadApp } from './readers/DoubleReadApp';
import { ReaderSessionProvider } from './readers/readerSessionContext';
import { useReaderSession } from './readers/useReaderSession';

/**
 * `#cohort` is the cohort survival screen, `#double-read` the double reads (src/app/cohort/route.ts); anything else
 * the reading screen, on the record of the reader reading now: a switch of reader starts the screen afresh on the
 * other reader's record, with nothing of the one before in its state.
 */
function Screens() {
  const route = useRoute();
  const state = useReaderSession();
  if (state.status === 'opening') return null;
  const { session } = state;
  const readAs = (name: string) => void session.readAs(name);
  if (state.status === 'choose') return <ReaderChoice readers={session.readers.map((r) => r.name)} onReadAs={readAs} />;
  return (
    <ReaderSessionProvider value={session}>
      <ReaderProvider value={{ reader: session.reader, onNameReader: readAs }}>
        {route === 'cohort' ? <CohortApp /> : route === 'double-read' ? <DoubleReadApp /> : <App key={session.databaseName} />}
      </ReaderProvider>
    </ReaderSessionProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Screens />
  </StrictMode>,
);
