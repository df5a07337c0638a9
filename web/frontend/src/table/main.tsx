import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLanguage } from '../shared/i18n';
import { DinerApi } from './api';
import { App } from './App';
import { currentSession } from './session';
import './table.css';

const session = currentSession(window.location, localStorage);
const api = session ? new DinerApi(session) : null;
// asked for before anything renders: on a slow phone the menu is the page's last round trip
api?.prefetchMenu(startLanguage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
