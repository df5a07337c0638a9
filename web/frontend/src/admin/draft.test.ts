import { describe, expect, it } from 'vitest';
import { parseAmount, stationsOf, withItem, withoutItem, type Draft } from './draft';

describe('an amount a person types', () => {
  it('is read in minor units, with a point or a comma', () => {
    expect(parseAmount('12', 2)).toBe(1200);
    expect(parseAmount('12.5', 2)).toBe(1250);
    expect(parseAmount(' 12,50 ', 2)).toBe(1250);
    expect(parseAmount('0.05', 2)).toBe(5);
    expect(parseAmount('1500', 0)).toBe(1500);
    expect(parseAmount('12.', 2)).toBe(1200);
  });

  it('is refused when it is not one', () => {
    for (const typed of ['', 'abc', '-3', '1.234', '1e3', '12 50']) {
      expect(parseAmount(typed, 2), typed).toBeNull();
    }
    expect(parseAmount('12.5', 0)).toBeNull();
  });
});

describe('editing a draft', () => {
  const draft: Draft = {
    currency: 'EUR', defaultLanguage: 'fr', dayparts: [{ id: 'lunch' }],
    categories: [{ id: 'mains', name: { text: 'Plats' }, station: 'kitchen', items: [
      { id: 'steak', name: { text: 'Steak', translations: { en: 'Steak' } }, price: 2150, station: 'grill', modifierGroups: [{ id: 'g' }] },
    ] }],
  };

  it('replaces an item in place and keeps what the editor does not show', () => {
    const edited = withItem(draft, 'mains', { ...draft.categories[0]!.items[0]!, price: 2250 });
    expect(edited.categories[0]!.items[0]).toEqual({ ...draft.categories[0]!.items[0], price: 2250 });
    expect(edited.dayparts).toEqual([{ id: 'lunch' }]);
    expect(draft.categories[0]!.items[0]!.price).toBe(2150);
  });

  it('adds a new item at the end of its category, and removes one', () => {
    const added = withItem(draft, 'mains', { id: 'tatin', name: { text: 'Tarte Tatin' }, price: 850, station: 'pastry' });
    expect(added.categories[0]!.items.map((item) => item.id)).toEqual(['steak', 'tatin']);
    expect(stationsOf(added)).toEqual(['grill', 'kitchen', 'pastry']);
    expect(withoutItem(added, 'steak').categories[0]!.items.map((item) => item.id)).toEqual(['tatin']);
  });
});
