import { describe, expect, it } from 'vitest';
import type { DraftItem } from './draft';
import { fieldsOf, invalidFields, itemOf, newGroup, newOption, newSize } from './itemForm';

const burger: DraftItem = {
  id: 'burger', name: { text: 'Burger', translations: { fr: 'Burger' } }, price: 1450, station: 'grill', calories: 780,
  modifierGroups: [{ id: 'side', name: { text: 'Side' }, min: 1, max: 1, mode: 'REQUIRED', maxFree: 0, options: [
    { id: 'fries', name: { text: 'Fries' }, priceDelta: 0, maxQuantity: 1, station: null },
    { id: 'rings', name: { text: 'Onion rings' }, priceDelta: 150, maxQuantity: 1, sizePriceDeltas: {} },
  ] }],
};

describe('a dish’s form', () => {
  it('gives back the same dish when nothing is changed, every field it does not show included', () => {
    const [fries, rings] = burger.modifierGroups![0]!.options;
    expect(itemOf(burger, fieldsOf(burger, 2), 2)).toEqual({ ...burger, description: null, sizes: [], prepMinutes: null,
      imageKey: null, allergens: [], dietaryTags: [], preModifiersAllowed: false,
      modifierGroups: [{ ...burger.modifierGroups![0]!, options: [
        { ...fries, sizePriceDeltas: {}, preModifiers: {}, modifierGroups: [] },
        { ...rings, sizePriceDeltas: {}, preModifiers: {}, modifierGroups: [] }] }] });
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

  it('prices an option per size where it costs more with a bigger one, blank meaning its own price', () => {
    const pizza: DraftItem = { ...burger, price: 0,
      sizes: [{ id: 'small', name: { text: 'Small' }, price: 900 }, { id: 'large', name: { text: 'Large' }, price: 1300 },
        { id: 'family', name: { text: 'Family' }, price: 1900 }],
      modifierGroups: [{ ...burger.modifierGroups![0]!, options: [
        { id: 'cheese', name: { text: 'Cheese' }, priceDelta: 100, maxQuantity: 2, sizePriceDeltas: { family: 250 } }] }] };
    const fields = fieldsOf(pizza, 2);
    const cheese = fields.groups[0]!.options[0]!;
    expect(cheese.sizePrices).toEqual({ family: '2.50' });
    cheese.sizePrices = { small: '', large: '1,50', family: '2.50' };
    fields.sizes = fields.sizes.filter(({ size }) => size.id !== 'family');
    expect(itemOf(pizza, fields, 2).modifierGroups![0]!.options[0]).toMatchObject({ priceDelta: 100, sizePriceDeltas: { large: 150 } });
  });

  it('offers the ways an option may be done only as the owner priced them, and keeps them while the dish offers none', () => {
    const fields = fieldsOf(burger, 2);
    const rings = fields.groups[0]!.options[1]!;
    fields.preModifiersAllowed = true;
    rings.offersNo = true;
    rings.wayPrices = { LIGHT: '', EXTRA: '2.5', ON_THE_SIDE: '0' };
    const offered = itemOf(burger, fields, 2);
    expect(offered.preModifiersAllowed).toBe(true);
    expect(offered.modifierGroups![0]!.options[1]!.preModifiers).toEqual({ NO: 0, EXTRA: 250, ON_THE_SIDE: 0 });

    const switchedOff = fieldsOf(offered, 2);
    expect(switchedOff.groups[0]!.options[1]).toMatchObject({ offersNo: true, wayPrices: { LIGHT: '', EXTRA: '2.50', ON_THE_SIDE: '0.00' } });
    switchedOff.preModifiersAllowed = false;
    switchedOff.groups[0]!.options[1]!.wayPrices.EXTRA = '9';
    const kept = itemOf(offered, switchedOff, 2);
    expect(kept.preModifiersAllowed).toBe(false);
    expect(kept.modifierGroups![0]!.options[1]!.preModifiers).toEqual({ NO: 0, EXTRA: 250, ON_THE_SIDE: 0 });
  });

  it('names a size\'s or a way\'s price that is not an amount, a way\'s only while the dish offers them', () => {
    const fields = fieldsOf(burger, 2);
    fields.sizes = [newSize()];
    fields.sizes[0]!.price = '10';
    const sizeId = fields.sizes[0]!.size.id;
    fields.groups[0]!.options[0]!.sizePrices = { [sizeId]: 'a lot' };
    fields.groups[0]!.options[1]!.wayPrices.EXTRA = '1.234';
    expect(invalidFields(fields, 2)).toEqual([`groups.0.options.0.sizes.${sizeId}`]);
    fields.preModifiersAllowed = true;
    expect(invalidFields(fields, 2)).toEqual([`groups.0.options.0.sizes.${sizeId}`, 'groups.0.options.1.EXTRA']);
  });

  it('keeps the choices an option opens in turn, and names their amounts that are not ones by where they are', () => {
    const salad: DraftItem = { ...burger, modifierGroups: [{ ...burger.modifierGroups![0]!, options: [
      { id: 'salad', name: { text: 'Salad' }, priceDelta: 0, maxQuantity: 1, modifierGroups: [
        { id: 'dressing', name: { text: 'Dressing' }, min: 1, max: 1, mode: 'REQUIRED', maxFree: 0, options: [
          { id: 'vinaigrette', name: { text: 'Vinaigrette' }, priceDelta: 0, maxQuantity: 1 }] }] }] }] };
    const fields = fieldsOf(salad, 2);
    const dressing = fields.groups[0]!.options[0]!.groups[0]!;
    expect(dressing.options.map((option) => option.name)).toEqual(['Vinaigrette']);
    const roquefort = newOption();
    roquefort.name = 'Roquefort';
    roquefort.price = '0,80';
    dressing.options.push(roquefort);
    const sauces = newGroup();
    sauces.name = 'Sauce';
    sauces.options[0]!.name = 'Mayo';
    fields.groups[0]!.options[0]!.groups.push(sauces);
    const nested = itemOf(salad, fields, 2).modifierGroups![0]!.options[0]!.modifierGroups!;
    expect(nested.map((group) => group.name.text)).toEqual(['Dressing', 'Sauce']);
    expect(nested[0]!.options.map((option) => [option.name.text, option.priceDelta])).toEqual([['Vinaigrette', 0], ['Roquefort', 80]]);

    roquefort.price = 'cheap';
    sauces.max = '0';
    expect(invalidFields(fields, 2)).toEqual(['groups.0.options.0.groups.0.options.1.price', 'groups.0.options.0.groups.1.max']);
  });
});
