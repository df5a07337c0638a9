import { startLanguage } from '../shared/language';
import { DinerApi } from './api';
import { currentSession } from './session';
import './table.css';

// This entry is a few kilobytes and holds no component: it asks for the menu at once, while the phone still downloads
// the components (a file of their own that the page preloads), so that on a slow network the menu's round trip overlaps
// the app's download rather than following it (bench/web)
const session = currentSession(window.location, localStorage);
const api = session ? new DinerApi(session) : null;
api?.prefetchMenu(startLanguage());

const { render } = await import('./render');
render(api);
