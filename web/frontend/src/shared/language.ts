// Which language an app starts in, free of any UI code: the diner app reads it before its components have loaded.
export const languages = ['en', 'fr', 'de', 'es'] as const;
export type Language = (typeof languages)[number];

const CHOSEN = 'urop.language';

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

/** The language an app starts in: the one its user chose on this device, else the browser's first that it speaks. */
export function startLanguage(): Language {
  const chosen = localStorage.getItem(CHOSEN);
  return languages.find((l) => l === chosen) ?? pickLanguage(navigator.languages);
}

/** Remembers the user's choice on this device. */
export function keepLanguage(language: Language): void {
  localStorage.setItem(CHOSEN, language);
}
