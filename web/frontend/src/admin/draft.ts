/**
 * The menu draft as menu-service keeps it (also its import and export format). The editor changes only the fields it
 * shows and carries every other one (translations, sizes, choices, dayparts, pictures) through untouched.
 */
export interface Text {
  text: string;
  translations?: Record<string, string>;
}

export interface DraftItem {
  id: string;
  name: Text;
  description?: Text | null;
  price: number;
  station?: string | null;
  allergens?: string[];
  dietaryTags?: string[];
  [other: string]: unknown;
}

export interface DraftCategory {
  id: string;
  name: Text;
  station?: string | null;
  items: DraftItem[];
  [other: string]: unknown;
}

export interface Draft {
  currency: string;
  defaultLanguage: string;
  categories: DraftCategory[];
  [other: string]: unknown;
}

export const ALLERGENS = ['CEREALS_CONTAINING_GLUTEN', 'CRUSTACEANS', 'EGGS', 'FISH', 'PEANUTS', 'SOYBEANS', 'MILK', 'NUTS',
  'CELERY', 'MUSTARD', 'SESAME', 'SULPHITES', 'LUPIN', 'MOLLUSCS'] as const;

export const DIETARY_TAGS = ['VEGAN', 'VEGETARIAN', 'PESCATARIAN', 'GLUTEN_FREE', 'DAIRY_FREE', 'EGG_FREE', 'NUT_FREE',
  'HALAL', 'KOSHER', 'ORGANIC', 'SPICY', 'VERY_SPICY', 'CONTAINS_ALCOHOL'] as const;

/** The stations dishes are sent to, as the draft names them. */
export function stationsOf(draft: Draft): string[] {
  const stations = new Set<string>();
  for (const category of draft.categories) {
    if (category.station) {
      stations.add(category.station);
    }
    category.items.forEach((item) => item.station && stations.add(item.station));
  }
  return [...stations].sort();
}

export function withItem(draft: Draft, categoryId: string, item: DraftItem): Draft {
  return {
    ...draft,
    categories: draft.categories.map((category) => category.id !== categoryId ? category : {
      ...category,
      items: category.items.some((existing) => existing.id === item.id)
        ? category.items.map((existing) => (existing.id === item.id ? item : existing))
        : [...category.items, item],
    }),
  };
}

export function withoutItem(draft: Draft, itemId: string): Draft {
  return {
    ...draft,
    categories: draft.categories.map((category) => ({ ...category, items: category.items.filter((item) => item.id !== itemId) })),
  };
}

export function withCategory(draft: Draft, name: string): Draft {
  return { ...draft, categories: [...draft.categories, { id: crypto.randomUUID(), name: { text: name }, items: [] }] };
}
