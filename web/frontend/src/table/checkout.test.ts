import { describe, expect, it } from 'vitest';
import type { Order, OrderState } from './api';
import { orderOfPage, paymentConfirmed } from './checkout';

const order = (id: string, state: OrderState): Order => ({
  id, state, settlement: 'PAY_FIRST', currency: 'EUR', lines: [], total: 4780, placedAt: '2026-12-08T12:00:00Z',
});

describe('back from Stripe', () => {
  it("knows the order paid for from its page, and none from the bill's", () => {
    expect(orderOfPage('/table/orders/0192-ab')).toBe('0192-ab');
    expect(orderOfPage('/table/bill')).toBeNull();
  });

  it('confirms once the order paid for has gone to the kitchen, push heard or not', () => {
    expect(paymentConfirmed('a', [order('a', 'PENDING_PAYMENT')], false)).toBe(false);
    expect(paymentConfirmed('a', [order('a', 'PLACED')], false)).toBe(true);
    expect(paymentConfirmed('a', [order('a', 'READY'), order('b', 'PENDING_PAYMENT')], false)).toBe(true);
  });

  it('never takes a cancelled order for a paid one', () => {
    expect(paymentConfirmed('a', [order('a', 'CANCELLED')], false)).toBe(false);
  });

  it('confirms a share of the bill once the payment is heard of and no order waits for one', () => {
    expect(paymentConfirmed(null, [order('a', 'PLACED')], false)).toBe(false);
    expect(paymentConfirmed(null, [order('a', 'PLACED')], true)).toBe(true);
    expect(paymentConfirmed(null, [order('b', 'PENDING_PAYMENT')], true)).toBe(false);
  });
});
