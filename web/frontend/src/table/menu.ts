/** The public menu as menu-service serves it to diners (only what is served now; sold-out things stay, unavailable). */
export interface DinerMenu {
  locationId: string;
  menuId: string;
  version: number;
  currency: string;
  language: string;
  categories: Category[];
}

export interface Category {
  id: string;
  name: string;
  description: string | null;
  items: Item[];
}

export interface Item {
  id: string;
  name: string;
  description: string | null;
  price: number;
  sizes: Size[];
  allergens: string[];
  dietaryTags: string[];
  calories: number | null;
  image: Record<string, string> | null;
  available: boolean;
  preModifiersAllowed: boolean;
  modifierGroups: Group[];
}

export interface Size {
  id: string;
  name: string;
  price: number;
}

export interface Group {
  id: string;
  name: string;
  min: number;
  max: number;
  mode: 'REQUIRED' | 'OPTIONAL' | 'OPTIONAL_ALWAYS_SHOWN';
  maxFree: number;
  options: Option[];
}

export type PreModifier = 'NO' | 'LIGHT' | 'EXTRA' | 'ON_THE_SIDE';

export interface Option {
  id: string;
  name: string;
  priceDelta: number;
  sizePriceDeltas: Record<string, number>;
  isDefault: boolean;
  maxQuantity: number;
  preModifiers: Partial<Record<PreModifier, number>>;
  available: boolean;
  modifierGroups: Group[];
}

/** A diner's choice of one option, as order-service takes it (every option chosen, defaults included). */
export interface Choice {
  groupId: string;
  optionId: string;
  quantity: number;
  preModifier: PreModifier | null;
  choices: Choice[];
}
