import { formatAmount, parseAmount } from '../shared/money';
import type { DraftGroup, DraftItem, DraftOption, DraftSize, PreModifier, Text } from './draft';

/**
 * A dish as its form edits it: every amount as the person typed it, so that a half-typed price is neither lost nor
 * sent. {@link itemOf} turns it back into the draft's dish, carrying every field the form does not show.
 */
export interface ItemFields {
  name: Text;
  description: Text;
  price: string;
  sizes: { size: DraftSize; name: string; price: string }[];
  station: string;
  prepMinutes: string;
  imageKey: string | null;
  allergens: string[];
  dietaryTags: string[];
  preModifiersAllowed: boolean;
  groups: GroupFields[];
}

/** A modifier group as typed ("Choose your side"): how many picks, how many free, and its options. */
export interface GroupFields {
  group: DraftGroup;
  name: string;
  min: string;
  max: string;
  maxFree: string;
  options: OptionFields[];
}

/**
 * An option as typed: its price, its price with each size where that differs (blank: its price), the price of each
 * way it may be done (blank: not offered; NO is offered or not, and costs nothing), and the choices it opens in turn
 * ("Salad" asks for a dressing; one level deep, as menu-service allows).
 */
export interface OptionFields {
  option: DraftOption;
  name: string;
  price: string;
  sizePrices: Record<string, string>;
  offersNo: boolean;
  wayPrices: Record<PricedWay, string>;
  groups: GroupFields[];
}

export type PricedWay = Exclude<PreModifier, 'NO'>;

export const PRICED_WAYS: readonly PricedWay[] = ['LIGHT', 'EXTRA', 'ON_THE_SIDE'];

export function fieldsOf(item: DraftItem, digits: number): ItemFields {
  const amount = (minor: number) => formatAmount(minor, digits);
  return {
    name: { text: item.name.text, translations: { ...(item.name.translations ?? {}) } },
    description: { text: item.description?.text ?? '', translations: { ...(item.description?.translations ?? {}) } },
    price: item.price > 0 ? amount(item.price) : '',
    sizes: (item.sizes ?? []).map((size) => ({ size, name: size.name.text, price: amount(size.price) })),
    station: item.station ?? '',
    prepMinutes: item.prepMinutes != null ? String(item.prepMinutes) : '',
    imageKey: item.imageKey ?? null,
    allergens: item.allergens ?? [],
    dietaryTags: item.dietaryTags ?? [],
    preModifiersAllowed: item.preModifiersAllowed ?? false,
    groups: (item.modifierGroups ?? []).map((group) => groupFields(group, amount)),
  };
}

function groupFields(group: DraftGroup, amount: (minor: number) => string): GroupFields {
  return {
    group, name: group.name.text, min: String(group.min), max: String(group.max), maxFree: String(group.maxFree),
    options: group.options.map((option) => optionFields(option, amount)),
  };
}

function optionFields(option: DraftOption, amount: (minor: number) => string): OptionFields {
  const ways = option.preModifiers ?? {};
  const typed = (minor: number | undefined) => (minor === undefined ? '' : amount(minor));
  return {
    option,
    name: option.name.text,
    price: amount(option.priceDelta),
    sizePrices: Object.fromEntries(Object.entries(option.sizePriceDeltas ?? {}).map(([size, minor]) => [size, amount(minor)])),
    offersNo: ways.NO !== undefined,
    wayPrices: { LIGHT: typed(ways.LIGHT), EXTRA: typed(ways.EXTRA), ON_THE_SIDE: typed(ways.ON_THE_SIDE) },
    groups: (option.modifierGroups ?? []).map((group) => groupFields(group, amount)),
  };
}

export function newSize(): ItemFields['sizes'][number] {
  return { size: { id: crypto.randomUUID(), name: { text: '' }, price: 0 }, name: '', price: '' };
}

export function newGroup(): GroupFields {
  return {
    group: { id: crypto.randomUUID(), name: { text: '' }, min: 1, max: 1, mode: 'REQUIRED', maxFree: 0, options: [] },
    name: '', min: '1', max: '1', maxFree: '0', options: [newOption()],
  };
}

export function newOption(): OptionFields {
  return {
    option: { id: crypto.randomUUID(), name: { text: '' }, priceDelta: 0, sizePriceDeltas: {}, isDefault: false, maxQuantity: 1,
      preModifiers: {}, station: null, modifierGroups: [] },
    name: '', price: '0', sizePrices: {}, offersNo: false, wayPrices: { LIGHT: '', EXTRA: '', ON_THE_SIDE: '' }, groups: [],
  };
}

/** The fields whose typed amount or count is not one: none when the dish can be saved. */
export function invalidFields(fields: ItemFields, digits: number): string[] {
  const invalid: string[] = [];
  const amount = (typed: string, where: string, optional = false) => {
    if (!(optional && typed.trim() === '') && parseAmount(typed, digits) === null) invalid.push(where);
  };
  const count = (typed: string, where: string, least: number) => {
    if (!/^\d{1,4}$/.test(typed.trim()) || Number(typed) < least) invalid.push(where);
  };
  if (fields.sizes.length === 0) amount(fields.price, 'price');
  fields.sizes.forEach((size, i) => amount(size.price, `sizes.${i}.price`));
  if (fields.prepMinutes.trim() !== '') count(fields.prepMinutes, 'prepMinutes', 1);
  const groups = (list: GroupFields[], at: string) => list.forEach((group, g) => {
    const where = `${at}groups.${g}`;
    count(group.min, `${where}.min`, 0);
    count(group.max, `${where}.max`, 1);
    count(group.maxFree, `${where}.maxFree`, 0);
    group.options.forEach((option, o) => {
      const path = `${where}.options.${o}`;
      amount(option.price, `${path}.price`);
      fields.sizes.forEach(({ size }) => amount(option.sizePrices[size.id] ?? '', `${path}.sizes.${size.id}`, true));
      if (fields.preModifiersAllowed) {
        PRICED_WAYS.forEach((way) => amount(option.wayPrices[way], `${path}.${way}`, true));
      }
      groups(option.groups, `${path}.`);
    });
  });
  groups(fields.groups, '');
  return invalid;
}

/** The draft's dish the fields describe; call only when {@link invalidFields} finds none. */
export function itemOf(item: DraftItem, fields: ItemFields, digits: number): DraftItem {
  const amount = (typed: string) => parseAmount(typed, digits) ?? 0;
  const text = (original: Text, typed: string): Text => ({ ...original, text: typed.trim() });
  const translated = (value: Text): Text => ({ text: value.text.trim(), translations: withoutBlanks(value.translations ?? {}) });
  return {
    ...item,
    name: translated(fields.name),
    description: fields.description.text.trim() ? translated(fields.description) : null,
    price: fields.sizes.length > 0 ? 0 : amount(fields.price),
    sizes: fields.sizes.map(({ size, name, price }) => ({ ...size, name: text(size.name, name), price: amount(price) })),
    station: fields.station.trim() || null,
    prepMinutes: fields.prepMinutes.trim() ? Number(fields.prepMinutes) : null,
    imageKey: fields.imageKey,
    allergens: fields.allergens,
    dietaryTags: fields.dietaryTags,
    preModifiersAllowed: fields.preModifiersAllowed,
    modifierGroups: fields.groups.map((group) => groupOf(group, fields, amount)),
  };
}

function groupOf(typed: GroupFields, fields: ItemFields, amount: (typed: string) => number): DraftGroup {
  const { group, name, min, max, maxFree, options } = typed;
  return {
    ...group,
    name: { ...group.name, text: name.trim() },
    min: Number(min),
    max: Number(max),
    mode: Number(min) > 0 ? 'REQUIRED' : group.mode === 'REQUIRED' ? 'OPTIONAL' : group.mode,
    maxFree: Number(maxFree),
    options: options.map((option) => ({
      ...option.option,
      name: { ...option.option.name, text: option.name.trim() },
      priceDelta: amount(option.price),
      sizePriceDeltas: typedAmounts(fields.sizes.map(({ size }) => [size.id, option.sizePrices[size.id] ?? '']), amount),
      // kept as they were when the dish offers no ways: switching them off and on again loses nothing
      preModifiers: fields.preModifiersAllowed ? waysOf(option, amount) : option.option.preModifiers ?? {},
      modifierGroups: option.groups.map((nested) => groupOf(nested, fields, amount)),
    })),
  };
}

function waysOf(option: OptionFields, amount: (typed: string) => number): Partial<Record<PreModifier, number>> {
  return { ...(option.offersNo ? { NO: 0 } : {}), ...typedAmounts(PRICED_WAYS.map((way) => [way, option.wayPrices[way]]), amount) };
}

/** The amounts typed, by key; a blank one is left out. */
function typedAmounts(typed: [string, string][], amount: (typed: string) => number): Record<string, number> {
  return Object.fromEntries(typed.filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, amount(value)]));
}

function withoutBlanks(translations: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(translations).map(([language, text]) => [language, text.trim()]).filter(([, text]) => text));
}
