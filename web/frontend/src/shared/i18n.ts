import { createContext, useContext, useEffect, useState } from 'react';
import { keepLanguage, startLanguage, type Language } from './language';

export { languages, pickLanguage, startLanguage, type Language } from './language';

/** A catalog's messages: English is the source, and every other language must have each of its keys. */
export type Catalog<M extends Record<string, string>> = { en: M } & Record<Exclude<Language, 'en'>, { [K in keyof M]: string }>;

export type Translate<M extends Record<string, string>> = (key: keyof M, params?: Record<string, string | number>) => string;

/** Fills {name} placeholders; a message missing a placeholder's value keeps it visible rather than guessing. */
export function translator<M extends Record<string, string>>(catalog: Catalog<M>, language: Language): Translate<M> {
  const messages = catalog[language] as M;
  return (key, params) =>
    String(messages[key] ?? catalog.en[key]).replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      params && name in params ? String(params[name]) : placeholder,
    );
}

export interface Locale {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const LocaleContext = createContext<Locale>({ language: 'en', setLanguage: () => {} });

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/**
 * The language an app speaks: the one its user chose on this device, else the browser's first that the apps speak;
 * the page's own `lang` follows it (screen readers pronounce by it).
 */
export function useLanguage(): Locale {
  const [language, setLanguage] = useState<Language>(startLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return {
    language,
    setLanguage: (chosen) => {
      keepLanguage(chosen);
      setLanguage(chosen);
    },
  };
}
