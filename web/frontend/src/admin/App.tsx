import { useEffect, useMemo, useState } from 'react';
import { LocaleContext, translator, useLanguage, type Translate } from '../shared/i18n';
import { LanguagePicker } from '../shared/LanguagePicker';
import { SignIn } from '../shared/SignIn';
import { StaffSession } from '../shared/staff';
import { AdminApi, type Location } from './api';
import { Availability } from './Availability';
import { MenuEditor } from './MenuEditor';
import { messages, type Messages } from './messages';
import { Orders } from './Orders';
import { Payments } from './Payments';
import { Public, publicPageOf, type PublicPage } from './Public';
import { Reports } from './Reports';
import { Settings } from './Settings';
import { Staff } from './Staff';
import { Tables } from './Tables';

const SESSION_KEY = 'urop.admin.session';

type Section = 'menu' | 'soldOut' | 'tables' | 'orders' | 'reports' | 'staff' | 'payments' | 'settings';
const SECTIONS: Section[] = ['menu', 'soldOut', 'tables', 'orders', 'reports', 'staff', 'payments', 'settings'];

export function App() {
  const locale = useLanguage();
  const { language } = locale;
  const t = useMemo(() => translator(messages, language), [language]);
  const [staff, setStaff] = useState<StaffSession | null>(() => StaffSession.kept(SESSION_KEY));
  const api = useMemo(() => (staff ? new AdminApi(staff) : null), [staff]);
  const [page, setPage] = useState<PublicPage | null>(() => publicPageOf(window.location.pathname));
  const [notice, setNotice] = useState<string | null>(null);
  const signedIn = (session: StaffSession) => {
    setPage(null);
    setStaff(session);
  };
  const toSignIn = (message: string | null) => {
    history.replaceState(null, '', '/admin/');
    setNotice(message);
    setPage(null);
  };

  return (
    <LocaleContext.Provider value={locale}>
      {page && !(staff && page.kind === 'signup')
        ? <Public t={t} page={page} sessionKey={SESSION_KEY} onSignedIn={signedIn} onDone={() => toSignIn(t('doneSignIn'))} />
        : staff && api
          ? <Dashboard t={t} api={api} onSignOut={() => { void staff.signOut().catch(() => {}); setStaff(null); }} />
          : <SignIn sessionKey={SESSION_KEY} onSignedIn={signedIn} notice={notice} labels={{ title: t('title'), email: t('email'),
            password: t('password'), signIn: t('signIn'), wrongCredentials: t('wrongCredentials'), tryAgain: t('tryAgain') }}
            footer={<p className="links">
              <a href="/admin/signup" onClick={(event) => { event.preventDefault(); history.pushState(null, '', '/admin/signup'); setPage({ kind: 'signup' }); }}>{t('noAccount')}</a>
              <a href="/admin/password-reset" onClick={(event) => { event.preventDefault(); history.pushState(null, '', '/admin/password-reset'); setPage({ kind: 'forgot' }); }}>{t('forgotPassword')}</a>
            </p>} />}
    </LocaleContext.Provider>
  );
}

function Dashboard({ t, api, onSignOut }: { t: Translate<Messages>; api: AdminApi; onSignOut: () => void }) {
  const [locations, setLocations] = useState<Location[]>([]);
  const [locationId, setLocationId] = useState<string>(() => localStorage.getItem('urop.admin.location') ?? '');
  const [section, setSection] = useState<Section>(() => sectionOf(window.location.pathname));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.locations().then((found) => {
      setLocations(found);
      setLocationId((current) => (found.some((l) => l.id === current) ? current : found[0]?.id ?? ''));
    }, () => setError(t('tryAgain')));
  }, [api, t]);
  useEffect(() => {
    if (locationId) {
      localStorage.setItem('urop.admin.location', locationId);
    }
  }, [locationId]);
  const go = (next: Section) => {
    history.pushState(null, '', `/admin/${next === 'soldOut' ? 'sold-out' : next}`);
    setSection(next);
  };
  useEffect(() => {
    const back = () => setSection(sectionOf(window.location.pathname));
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const location = locations.find((l) => l.id === locationId);

  return (
    <div className="shell">
      <header className="top">
        <strong className="brand">urop</strong>
        <label>
          <span className="visually-hidden">{t('location')}</span>
          <select value={locationId} onChange={(event) => setLocationId(event.target.value)}>
            {locations.map((l) => <option key={l.id} value={l.id}>{l.details.name}</option>)}
          </select>
        </label>
        <nav aria-label={t('title')}>
          {SECTIONS.map((name) => (
            <a key={name} href={`/admin/${name === 'soldOut' ? 'sold-out' : name}`} aria-current={section === name ? 'page' : undefined}
              onClick={(event) => { event.preventDefault(); go(name); }}>{t(name)}</a>
          ))}
        </nav>
        <span className="spacer" />
        <LanguagePicker label={t('language')} />
        <button type="button" className="link" onClick={onSignOut}>{t('signOut')}</button>
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      <main>
        {location && section === 'menu' && <MenuEditor key={location.id} t={t} api={api} location={location} />}
        {location && section === 'soldOut' && <Availability key={location.id} t={t} api={api} location={location} />}
        {location && section === 'tables' && <Tables key={location.id} t={t} api={api} location={location} />}
        {location && section === 'orders' && <Orders key={location.id} t={t} api={api} location={location} />}
        {location && section === 'reports' && <Reports key={location.id} t={t} api={api} location={location} />}
        {location && section === 'staff' && <Staff key={location.id} t={t} api={api} location={location} />}
        {section === 'payments' && <Payments t={t} api={api} />}
        {location && section === 'settings' && <Settings key={location.id} t={t} api={api} location={location}
          onRenamed={(details) => setLocations((all) => all.map((l) => (l.id === location.id ? { ...l, details } : l)))}
          onOpened={(opened) => { setLocations((all) => [...all, opened]); setLocationId(opened.id); }} />}
      </main>
    </div>
  );
}

function sectionOf(path: string): Section {
  const part = path.split('/')[2] ?? '';
  return part === 'sold-out' ? 'soldOut' : (SECTIONS.find((s) => s === part) ?? 'menu');
}
