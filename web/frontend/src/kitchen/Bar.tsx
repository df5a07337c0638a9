import { useEffect, useState } from 'react';
import type { Translate } from '../shared/i18n';
import { LanguagePicker } from '../shared/LanguagePicker';
import { chime } from './chime';
import type { Messages } from './messages';

/** The tablet's top bar: where it is, whether it is connected, its language, and a way back to the setup. */
export function Bar({ t, title, online, onChange }: { t: Translate<Messages>; title: string; online: boolean | null; onChange: () => void }) {
  return (
    <header className="bar">
      <h1>{title}</h1>
      <span className={online === false ? 'offline' : 'online'} role="status">
        {online === false && t('offline')}
        {online && <>●<span className="visually-hidden"> {t('connected')}</span></>}
      </span>
      <span className="spacer" />
      <LanguagePicker label="Language · Langue · Sprache · Idioma" />
      <button type="button" className="link" onClick={onChange}>{t('change')}</button>
    </header>
  );
}

/** The time now, every second (tickets' ages), and sound unlocked by the first tap after a reload. */
export function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const unlock = () => chime.unlock();
    document.addEventListener('pointerdown', unlock, { once: true });
    return () => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', unlock);
    };
  }, []);
  return now;
}
