import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n } from './i18n/index.ts';
import { Root } from './Root.tsx';

// French until main says otherwise (app:info / settings:get, read in App): most users are francophone.
const i18n = createI18n('fr');
const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Root i18n={i18n} />
  </StrictMode>,
);
