/** Money as the API gives it: minor units and an ISO-4217 currency, never a floating-point amount. */
export interface Money {
  amount: number;
  currency: string;
}

const digitsCache = new Map<string, number>();

/** How many minor units a currency has (2 for EUR, 0 for JPY), as the browser's Intl knows it. */
export function fractionDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

const formats = new Map<string, Intl.NumberFormat>();

/** An amount as its locale writes it; a menu shows dozens, and a slow phone takes its time to build each format. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale} ${currency}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format.format(minor / 10 ** fractionDigits(currency));
}

/**
 * An amount typed by a person ("12", "12.5", "12,50") in minor units of a currency with that many decimals, or null
 * when it is not an amount (three decimals, letters, a sign).
 */
export function parseAmount(typed: string, digits: number): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d*))?\s*$/.exec(typed);
  if (!match) {
    return null;
  }
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return null;
  }
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
}

export function formatAmount(minor: number, digits: number): string {
  return digits === 0 ? String(minor) : `${Math.floor(minor / 10 ** digits)}.${String(minor % 10 ** digits).padStart(digits, '0')}`;
}

/** A tip of a percentage of an amount, rounded half up to the minor unit as payment-service rounds it. */
export function tipOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}
