import type { Catalog, Language } from './i18n';

/** The dietary tags a menu gives its dishes. */
const en = {
  VEGAN: 'Vegan',
  VEGETARIAN: 'Vegetarian',
  PESCATARIAN: 'Pescatarian',
  GLUTEN_FREE: 'Gluten-free',
  DAIRY_FREE: 'Dairy-free',
  EGG_FREE: 'Egg-free',
  NUT_FREE: 'Nut-free',
  HALAL: 'Halal',
  KOSHER: 'Kosher',
  ORGANIC: 'Organic',
  SPICY: 'Spicy',
  VERY_SPICY: 'Very spicy',
  CONTAINS_ALCOHOL: 'Contains alcohol',
};

const names: Catalog<typeof en> = {
  en,
  fr: {
    VEGAN: 'Végan',
    VEGETARIAN: 'Végétarien',
    PESCATARIAN: 'Pescétarien',
    GLUTEN_FREE: 'Sans gluten',
    DAIRY_FREE: 'Sans lactose',
    EGG_FREE: 'Sans œuf',
    NUT_FREE: 'Sans fruits à coque',
    HALAL: 'Halal',
    KOSHER: 'Casher',
    ORGANIC: 'Bio',
    SPICY: 'Épicé',
    VERY_SPICY: 'Très épicé',
    CONTAINS_ALCOHOL: "Contient de l'alcool",
  },
  de: {
    VEGAN: 'Vegan',
    VEGETARIAN: 'Vegetarisch',
    PESCATARIAN: 'Pescetarisch',
    GLUTEN_FREE: 'Glutenfrei',
    DAIRY_FREE: 'Laktosefrei',
    EGG_FREE: 'Ohne Ei',
    NUT_FREE: 'Ohne Nüsse',
    HALAL: 'Halal',
    KOSHER: 'Koscher',
    ORGANIC: 'Bio',
    SPICY: 'Scharf',
    VERY_SPICY: 'Sehr scharf',
    CONTAINS_ALCOHOL: 'Enthält Alkohol',
  },
  es: {
    VEGAN: 'Vegano',
    VEGETARIAN: 'Vegetariano',
    PESCATARIAN: 'Pescetariano',
    GLUTEN_FREE: 'Sin gluten',
    DAIRY_FREE: 'Sin lácteos',
    EGG_FREE: 'Sin huevo',
    NUT_FREE: 'Sin frutos secos',
    HALAL: 'Halal',
    KOSHER: 'Kosher',
    ORGANIC: 'Ecológico',
    SPICY: 'Picante',
    VERY_SPICY: 'Muy picante',
    CONTAINS_ALCOHOL: 'Contiene alcohol',
  },
};

/** A dietary tag's name in the language, its code where the menu gives one this list does not know. */
export function dietaryTagName(code: string, language: Language): string {
  return (names[language] as Record<string, string>)[code] ?? code;
}
