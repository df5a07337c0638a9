/**
 * How diners and staff name an order aloud, as its emails and text messages do: the last eight digits of its id, which
 * are random (the first ones are the time it was placed, the same for every order of the same minute).
 */
export function referenceOf(orderId: string): string {
  return orderId.slice(-8).toUpperCase();
}
