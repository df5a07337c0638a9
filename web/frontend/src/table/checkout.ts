import type { Order } from './api';

/** The order a phone paid for on Stripe's page, from where Stripe sent it back: /table/orders/{id}?checkout=paid. */
export function paidOrderOf(path: string, search: string): string | null {
  const order = /\/orders\/([0-9a-f-]+)/.exec(path)?.[1];
  return order !== undefined && new URLSearchParams(search).get('checkout') === 'paid' ? order : null;
}

/**
 * Whether what the phone paid for on Stripe's page shows as paid: the order it paid for has gone to the kitchen, or
 * (a share of the bill, or a push heard before the order was read) the payment was announced and no order of the
 * table waits for one.
 */
export function paymentConfirmed(paidOrder: string | null, orders: Order[], paymentHeard: boolean): boolean {
  const paid = orders.find((order) => order.id === paidOrder);
  if (paid && !['PENDING_PAYMENT', 'CANCELLED', 'REJECTED'].includes(paid.state)) {
    return true;
  }
  return paymentHeard && !orders.some((order) => order.state === 'PENDING_PAYMENT' && order.settlement === 'PAY_FIRST');
}
