import { describe, expect, it } from 'vitest';
import type { Push } from '../shared/live';
import { showsPush } from './freshness';
import type { DinerMenu } from './menu';

const menu = (version: number, tatin: boolean, cream: boolean): DinerMenu => ({
  locationId: 'l', menuId: 'm', version, currency: 'EUR', language: 'en',
  categories: [{ id: 'c', name: 'Desserts', description: null, items: [{
    id: 'tatin', name: 'Tarte Tatin', description: null, price: 850, sizes: [], allergens: [], dietaryTags: [], calories: null,
    image: null, available: tatin, preModifiersAllowed: false,
    modifierGroups: [{ id: 'g', name: 'With', min: 0, max: 1, mode: 'OPTIONAL', maxFree: 0, options: [{
      id: 'cream', name: 'Cream', priceDelta: 100, sizePriceDeltas: {}, isDefault: false, maxQuantity: 1, preModifiers: {},
      available: cream, modifierGroups: [] }] }],
  }] }],
});
const push = (type: string, data: Record<string, unknown>): Push => ({ stream: 'menu:l', seq: '1-0', type, data });

describe('a menu read after a push', () => {
  it('shows a published version once it is at least that version', () => {
    expect(showsPush(menu(1, true, true), push('menu.published', { version: 2 }))).toBe(false);
    expect(showsPush(menu(2, true, true), push('menu.published', { version: 2 }))).toBe(true);
  });

  it('shows a dish or a choice sold out or back once its availability says so', () => {
    expect(showsPush(menu(1, true, true), push('menu.availability-changed', { targetId: 'tatin', available: false }))).toBe(false);
    expect(showsPush(menu(1, false, true), push('menu.availability-changed', { targetId: 'tatin', available: false }))).toBe(true);
    expect(showsPush(menu(1, true, false), push('menu.availability-changed', { targetId: 'cream', available: true }))).toBe(false);
    expect(showsPush(menu(1, true, true), push('order.item-sold-out', { itemId: 'tatin' }))).toBe(false);
    expect(showsPush(menu(1, true, true), push('menu.availability-changed', { targetId: 'gone', available: false }))).toBe(true);
  });
});
