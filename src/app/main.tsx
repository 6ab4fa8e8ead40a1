import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CohortApp } from './cohort/CohortApp';
import { useRoute } from './cohort/route';
import '../ui/theme.css';

/** `#cohort` is the cohort survival screen; anything else the reading screen (src/app/cohort/route.ts). */
function Screens() {
  return useRoute() === 'cohort' ? <CohortApp /> : <App />;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Screens />
  </StrictMode>,
);
