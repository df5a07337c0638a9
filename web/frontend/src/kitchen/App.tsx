import { useMemo, useState } from 'react';
import { SignIn } from '../shared/SignIn';
import { LocaleContext, translator, useLanguage } from '../shared/i18n';
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
  const locale = useLanguage();
  const { language } = locale;
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
          wrongCredentials: t('wrongCredentials'), tryAgain: t('tryAgain') }}
        footer={<a href="/admin/password-reset">{t('forgotPassword')}</a>} />
    );
  } else if (!setup) {
    screen = <SetupScreen t={t} api={api} onChosen={choose} onSignOut={signOut} />;
  } else if (setup.expeditor) {
    screen = <Expeditor t={t} api={api} staff={staff} setup={setup} onChange={() => choose(null)} onSignedOut={() => setStaff(null)} />;
  } else {
    screen = <Board t={t} api={api} staff={staff} setup={setup} onChange={() => choose(null)} onSignedOut={() => setStaff(null)} />;
  }
  return <LocaleContext.Provider value={locale}>{screen}</LocaleContext.Provider>;
}
