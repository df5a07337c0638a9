import type { Order } from './api';

/** The order whose page Stripe sent the phone back to (/table/orders/{id}); null on the bill's. */
export function orderOfPage(path: string): string | null {
  return /\/orders\/([0-9a-f-]+)/.exec(path)?.[1] ?? null;
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
