import { describe, expect, it } from 'vitest';
import type { Choice, Group, Item, Option } from './menu';
import { defaultChoices, unitPrice, unmetGroups } from './pricing';

const option = (id: string, priceDelta: number, extra: Partial<Option> = {}): Option => ({
  id, name: id, priceDelta, sizePriceDeltas: {}, isDefault: false, maxQuantity: 3, preModifiers: {}, available: true,
  modifierGroups: [], ...extra,
});
const group = (id: string, options: Option[], extra: Partial<Group> = {}): Group => ({
  id, name: id, min: 0, max: 5, mode: 'OPTIONAL', maxFree: 0, options, ...extra,
});
const item = (groups: Group[], extra: Partial<Item> = {}): Item => ({
  id: 'burger', name: 'Burger', description: null, price: 1790, sizes: [], allergens: [], dietaryTags: [],
  calories: null, image: null, available: true, preModifiersAllowed: true, modifierGroups: groups, ...extra,
});
const choice = (groupId: string, optionId: string, quantity = 1, extra: Partial<Choice> = {}): Choice => ({
  groupId, optionId, quantity, preModifier: null, choices: [], ...extra,
});

describe('the price a diner sees for one unit of a line', () => {
  it('adds each chosen option times its quantity to the item', () => {
    const burger = item([group('toppings', [option('cheese', 120), option('bacon', 200)])]);
    expect(unitPrice(burger, null, [choice('toppings', 'cheese', 2), choice('toppings', 'bacon')])).toBe(1790 + 240 + 200);
  });

  it('waives the most expensive units first, up to the free picks, an option partly', () => {
    const pizza = item([group('toppings', [option('olives', 100), option('ham', 250), option('tuna', 250)], { maxFree: 2 })]);
    // ham and tuna tie: the one listed first is free; of three olives none is free
    expect(unitPrice(pizza, null, [choice('toppings', 'olives', 3), choice('toppings', 'tuna'), choice('toppings', 'ham')]))
      .toBe(1790 + 300);
    expect(unitPrice(pizza, null, [choice('toppings', 'olives', 3)])).toBe(1790 + 100);
  });

  it('takes the size price, the option delta for that size, a pre-modifier price, and nothing for a NO', () => {
    const wine = item([group('mix', [option('soda', 50, { sizePriceDeltas: { large: 80 } }), option('ice', 0, {
      preModifiers: { EXTRA: 30, NO: 0 } })])], { price: 0, sizes: [{ id: 'small', name: '15 cl', price: 650 }, { id: 'large', name: '25 cl', price: 990 }] });
    expect(unitPrice(wine, 'small', [choice('mix', 'soda')])).toBe(700);
    expect(unitPrice(wine, 'large', [choice('mix', 'soda'), choice('mix', 'ice', 1, { preModifier: 'EXTRA' })])).toBe(990 + 80 + 30);
    expect(unitPrice(wine, 'large', [choice('mix', 'ice', 1, { preModifier: 'NO' })])).toBe(990);
  });

  it('charges a nested choice once, with its own free picks', () => {
    const sauce = group('sauce', [option('pepper', 90), option('bearnaise', 120)], { maxFree: 1 });
    const steak = item([group('side', [option('fries', 0, { modifierGroups: [sauce] })])]);
    const fries = choice('side', 'fries', 2, { choices: [choice('sauce', 'pepper'), choice('sauce', 'bearnaise')] });
    expect(unitPrice(steak, null, [fries])).toBe(1790 + 90);
  });
});

describe('what must still be chosen', () => {
  it('names a required group until it has its picks, and a group over its maximum', () => {
    const side = group('side', [option('fries', 0, { isDefault: true }), option('salad', 150)], { min: 1, max: 1, mode: 'REQUIRED' });
    const steak = item([side]);
    expect(unmetGroups(steak.modifierGroups, [])).toEqual([side]);
    expect(unmetGroups(steak.modifierGroups, defaultChoices(steak.modifierGroups))).toEqual([]);
    expect(unmetGroups(steak.modifierGroups, [choice('side', 'fries'), choice('side', 'salad')])).toEqual([side]);
  });

  it('preselects the available defaults only', () => {
    const side = group('side', [option('fries', 0, { isDefault: true, available: false }), option('salad', 150, { isDefault: true })]);
    expect(defaultChoices([side]).map((c) => c.optionId)).toEqual(['salad']);
  });
});
