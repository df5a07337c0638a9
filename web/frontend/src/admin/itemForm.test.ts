import { describe, expect, it } from 'vitest';
import type { DraftItem } from './draft';
import { fieldsOf, invalidFields, itemOf, newGroup, newSize } from './itemForm';

const burger: DraftItem = {
  id: 'burger', name: { text: 'Burger', translations: { fr: 'Burger' } }, price: 1450, station: 'grill', calories: 780,
  modifierGroups: [{ id: 'side', name: { text: 'Side' }, min: 1, max: 1, mode: 'REQUIRED', maxFree: 0, options: [
    { id: 'fries', name: { text: 'Fries' }, priceDelta: 0, maxQuantity: 1, station: null },
    { id: 'rings', name: { text: 'Onion rings' }, priceDelta: 150, maxQuantity: 1, sizePriceDeltas: {} },
  ] }],
};

describe('a dish’s form', () => {
  it('gives back the same dish when nothing is changed, every field it does not show included', () => {
    expect(itemOf(burger, fieldsOf(burger, 2), 2)).toEqual({ ...burger, description: null, sizes: [], prepMinutes: null,
      imageKey: null, allergens: [], dietaryTags: [] });
  });

  it('prices a dish by its sizes once it has some, and reads typed amounts in minor units', () => {
    const fields = fieldsOf(burger, 2);
    fields.sizes = [{ ...newSize(), name: 'Single', price: '12,50' }, { ...newSize(), name: 'Double', price: '16' }];
    fields.groups[0]!.options[1]!.price = '2.5';
    const item = itemOf(burger, fields, 2);
    expect(item.price).toBe(0);
    expect(item.sizes!.map((size) => [size.name.text, size.price])).toEqual([['Single', 1250], ['Double', 1600]]);
    expect(item.modifierGroups![0]!.options[1]!.priceDelta).toBe(250);
  });

  it('makes an optional group of one whose minimum is 0, and keeps translations typed, blank ones dropped', () => {
    const fields = fieldsOf(burger, 2);
    const extras = newGroup();
    extras.name = 'Extras';
    extras.min = '0';
    extras.max = '3';
    extras.options[0]!.name = 'Cheese';
    extras.options[0]!.price = '1';
    fields.groups.push(extras);
    fields.name.translations = { fr: 'Burger maison', de: '  ' };
    const item = itemOf(burger, fields, 2);
    expect(item.modifierGroups![1]).toMatchObject({ name: { text: 'Extras' }, min: 0, max: 3, mode: 'OPTIONAL',
      options: [{ name: { text: 'Cheese' }, priceDelta: 100, maxQuantity: 1 }] });
    expect(item.name.translations).toEqual({ fr: 'Burger maison' });
  });

  it('names the amounts and counts that are not ones', () => {
    const fields = fieldsOf(burger, 2);
    fields.price = '12.345';
    fields.prepMinutes = 'soon';
    fields.groups[0]!.max = '0';
    fields.groups[0]!.options[0]!.price = 'free';
    expect(invalidFields(fields, 2)).toEqual(['price', 'prepMinutes', 'groups.0.max', 'groups.0.options.0.price']);
    expect(invalidFields(fieldsOf(burger, 2), 2)).toEqual([]);
  });
});
