import type { Catalog, Language } from './i18n';

/** The 14 allergens EU law names (Regulation 1169/2011, Annex II), as the menu codes them. */
const en = {
  CEREALS_CONTAINING_GLUTEN: 'Gluten',
  CRUSTACEANS: 'Crustaceans',
  EGGS: 'Eggs',
  FISH: 'Fish',
  PEANUTS: 'Peanuts',
  SOYBEANS: 'Soy',
  MILK: 'Milk',
  NUTS: 'Nuts',
  CELERY: 'Celery',
  MUSTARD: 'Mustard',
  SESAME: 'Sesame',
  SULPHITES: 'Sulphites',
  LUPIN: 'Lupin',
  MOLLUSCS: 'Molluscs',
};

const names: Catalog<typeof en> = {
  en,
  fr: {
    CEREALS_CONTAINING_GLUTEN: 'Gluten',
    CRUSTACEANS: 'Crustacés',
    EGGS: 'Œufs',
    FISH: 'Poisson',
    PEANUTS: 'Arachides',
    SOYBEANS: 'Soja',
    MILK: 'Lait',
    NUTS: 'Fruits à coque',
    CELERY: 'Céleri',
    MUSTARD: 'Moutarde',
    SESAME: 'Sésame',
    SULPHITES: 'Sulfites',
    LUPIN: 'Lupin',
    MOLLUSCS: 'Mollusques',
  },
  de: {
    CEREALS_CONTAINING_GLUTEN: 'Gluten',
    CRUSTACEANS: 'Krebstiere',
    EGGS: 'Eier',
    FISH: 'Fisch',
    PEANUTS: 'Erdnüsse',
    SOYBEANS: 'Soja',
    MILK: 'Milch',
    NUTS: 'Schalenfrüchte',
    CELERY: 'Sellerie',
    MUSTARD: 'Senf',
    SESAME: 'Sesam',
    SULPHITES: 'Sulfite',
    LUPIN: 'Lupinen',
    MOLLUSCS: 'Weichtiere',
  },
  es: {
    CEREALS_CONTAINING_GLUTEN: 'Gluten',
    CRUSTACEANS: 'Crustáceos',
    EGGS: 'Huevos',
    FISH: 'Pescado',
    PEANUTS: 'Cacahuetes',
    SOYBEANS: 'Soja',
    MILK: 'Leche',
    NUTS: 'Frutos de cáscara',
    CELERY: 'Apio',
    MUSTARD: 'Mostaza',
    SESAME: 'Sésamo',
    SULPHITES: 'Sulfitos',
    LUPIN: 'Altramuces',
    MOLLUSCS: 'Moluscos',
  },
};

/** An allergen's name in the language, its code where the menu names one this list does not know. */
export function allergenName(code: string, language: Language): string {
  return (names[language] as Record<string, string>)[code] ?? code;
}
