import { createContext, useContext, useEffect, useState } from 'react';

export const languages = ['en', 'fr', 'de', 'es'] as const;
export type Language = (typeof languages)[number];

/** The first of the browser's languages that the apps speak (by its primary subtag: fr-CA is fr), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const found = languages.find((language) => language === primary);
    if (found) {
      return found;
    }
  }
  return 'en';
}

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

const CHOSEN = 'urop.language';

/** The language an app starts in: the one its user chose on this device, else the browser's first that it speaks. */
export function startLanguage(): Language {
  const chosen = localStorage.getItem(CHOSEN);
  return languages.find((l) => l === chosen) ?? pickLanguage(navigator.languages);
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
      localStorage.setItem(CHOSEN, chosen);
      setLanguage(chosen);
    },
  };
}
