import { describe, expect, it } from 'vitest';
import { stationsOf } from '../shared/stations';
import { withItem, withoutItem, type Draft } from './draft';

describe('editing a draft', () => {
  const draft: Draft = {
    currency: 'EUR', defaultLanguage: 'fr', dayparts: [{ id: 'lunch' }],
    categories: [{ id: 'mains', name: { text: 'Plats' }, station: 'kitchen', items: [
      { id: 'steak', name: { text: 'Steak', translations: { en: 'Steak' } }, price: 2150, station: 'grill', modifierGroups: [{ id: 'g', name: { text: 'Cuisson' }, min: 1, max: 1, mode: 'REQUIRED', maxFree: 0, options: [] }] },
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
    expect(stationsOf([added])).toEqual(['grill', 'kitchen', 'pastry']);
    expect(withoutItem(added, 'steak').categories[0]!.items.map((item) => item.id)).toEqual(['tatin']);
  });
});
