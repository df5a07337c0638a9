import { languages, useLocale, type Language } from './i18n';

/** The apps' languages, each by its own code; the choice is kept on this device. */
export function LanguagePicker({ label, className }: { label: string; className?: string }) {
  const { language, setLanguage } = useLocale();
  return (
    <select aria-label={label} className={className} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
      {languages.map((l) => <option key={l} value={l}>{l.toUpperCase()}</option>)}
    </select>
  );
}
