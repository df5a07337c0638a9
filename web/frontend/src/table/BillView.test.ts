import { describe, expect, it } from 'vitest';
import type { Bill } from './api';
import { shareOf } from './BillView';

const bill = (owed: number, remaining: number): Bill => ({ currency: 'EUR', owed, paid: owed - remaining, beingPaid: 0, remaining, state: 'OPEN' });

describe("a guest's share of the table's bill, as payment-service reckons it", () => {
  it('rounds an equal part up, and never asks more than is left', () => {
    expect(shareOf('parts', bill(10000, 10000), 3, [], 0)).toBe(3334);
    expect(shareOf('parts', bill(10000, 3332), 3, [], 0)).toBe(3332);
  });

  it('is the dishes chosen, everything left, or an amount no larger than what is left', () => {
    const items = [{ lineId: 'a', name: 'Steak', amount: 2150, state: 'OPEN' as const }, { lineId: 'b', name: 'Wine', amount: 650, state: 'OPEN' as const }];
    expect(shareOf('items', bill(5000, 5000), 2, items, 0)).toBe(2800);
    expect(shareOf('all', bill(5000, 1200), 2, [], 0)).toBe(1200);
    expect(shareOf('amount', bill(5000, 1200), 2, [], 1000)).toBe(1000);
    expect(shareOf('amount', bill(5000, 1200), 2, [], 1500)).toBe(0);
  });
});
