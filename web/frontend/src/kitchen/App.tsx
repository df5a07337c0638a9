import { useEffect, useMemo, useState } from 'react';
import { SignIn } from '../shared/SignIn';
import { LocaleContext, languages, pickLanguage, translator, type Language } from '../shared/i18n';
import { StaffSession } from '../shared/staff';
import { KitchenApi } from './api';
import { Board } from './Board';
import { chime } from './chime';
import { Expeditor } from './Expeditor';
import { messages } from './messages';
import { SetupScreen } from './SetupScreen';
import { keepSetup, keptSetup, type Setup } from './setup';

const SESSION_KEY = 'urop.kitchen.session';

export function App() {
  const [language, setLanguage] = useState<Language>(() => {
    const chosen = localStorage.getItem('urop.language');
    return languages.find((l) => l === chosen) ?? pickLanguage(navigator.languages);
  });
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const [staff, setStaff] = useState<StaffSession | null>(() => StaffSession.kept(SESSION_KEY));
  const [setup, setSetup] = useState<Setup | null>(keptSetup);
  const t = useMemo(() => translator(messages, language), [language]);
  const api = useMemo(() => (staff ? new KitchenApi(staff) : null), [staff]);
  const choose = (chosen: Setup | null) => {
    keepSetup(chosen);
    setSetup(chosen);
  };
  const signOut = () => {
    void staff?.signOut().catch(() => {});
    setStaff(null);
  };

  let screen;
  if (!staff || !api) {
    screen = (
      <SignIn sessionKey={SESSION_KEY} onSignedIn={(signedIn) => { chime.unlock(); setStaff(signedIn); }}
        labels={{ title: t('title'), email: t('email'), password: t('password'), signIn: t('signIn'),
          wrongCredentials: t('wrongCredentials'), tryAgain: t('tryAgain') }} />
    );
  } else if (!setup) {
    screen = <SetupScreen t={t} api={api} onChosen={choose} onSignOut={signOut} />;
  } else if (setup.expeditor) {
    screen = <Expeditor t={t} api={api} staff={staff} setup={setup} onChange={() => choose(null)} onSignedOut={() => setStaff(null)} />;
  } else {
    screen = <Board t={t} api={api} staff={staff} setup={setup} onChange={() => choose(null)} onSignedOut={() => setStaff(null)} />;
  }
  return <LocaleContext.Provider value={{ language, setLanguage }}>{screen}</LocaleContext.Provider>;
}
