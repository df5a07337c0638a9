/**
 * The menu draft as menu-service keeps it (also its import and export format). The editor changes only the fields it
 * shows and carries every other one (dayparts, an option's default and most units) through untouched.
 */
export interface Text {
  text: string;
  translations?: Record<string, string>;
}

export interface DraftSize {
  id: string;
  name: Text;
  price: number;
}

/** How a diner may want an option done; NO always costs nothing. */
export const PRE_MODIFIERS = ['NO', 'LIGHT', 'EXTRA', 'ON_THE_SIDE'] as const;
export type PreModifier = (typeof PRE_MODIFIERS)[number];

export interface DraftOption {
  id: string;
  name: Text;
  priceDelta: number;
  /** What the option costs with a size of the dish, where it differs from {@code priceDelta}. */
  sizePriceDeltas?: Record<string, number>;
  /** The ways it may be done, each with its price (in place of the option's). */
  preModifiers?: Partial<Record<PreModifier, number>>;
  maxQuantity: number;
  station?: string | null;
  /** The choices it opens in turn, one level deep. */
  modifierGroups?: DraftGroup[];
  [other: string]: unknown;
}

export type GroupMode = 'REQUIRED' | 'OPTIONAL' | 'OPTIONAL_ALWAYS_SHOWN';

export interface DraftGroup {
  id: string;
  name: Text;
  min: number;
  max: number;
  mode: GroupMode;
  maxFree: number;
  options: DraftOption[];
  [other: string]: unknown;
}

export interface DraftItem {
  id: string;
  name: Text;
  description?: Text | null;
  price: number;
  sizes?: DraftSize[];
  station?: string | null;
  prepMinutes?: number | null;
  allergens?: string[];
  dietaryTags?: string[];
  imageKey?: string | null;
  /** Whether its options may be asked for with no, light, extra or on the side. */
  preModifiersAllowed?: boolean;
  modifierGroups?: DraftGroup[];
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
