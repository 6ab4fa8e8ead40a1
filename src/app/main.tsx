// The theme first: the feature stylesheets the screens import come after it, so their rules win over the theme's
// at equal specificity (.button--danger's border over .button's).
import '../ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CohortApp } from './cohort/CohortApp';
import { useRoute } from './cohort/route';

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
