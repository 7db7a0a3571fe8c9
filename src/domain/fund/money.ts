/**
 * Money as the fund records it: an integer number of minor units (cents for EUR) of an ISO 4217
 * currency. Nothing is ever converted between currencies: each currency is a separate ledger.
 * Amounts and running totals stay within Number.MAX_SAFE_INTEGER, so that arithmetic is exact.
 */

/** ISO 4217 currencies of the Allies and of usual donors, with their number of minor-unit digits. */
export const CURRENCY_MINOR_UNITS = {
  AUD: 2, BGN: 2, CAD: 2, CHF: 2, CZK: 2, DKK: 2, EUR: 2, GBP: 2, HUF: 2, ISK: 0, JPY: 0, KRW: 0,
  NOK: 2, NZD: 2, PLN: 2, RON: 2, SEK: 2, TRY: 2, USD: 2,
} as const;
export type Currency = keyof typeof CURRENCY_MINOR_UNITS;
export const CURRENCIES = Object.keys(CURRENCY_MINOR_UNITS).sort() as readonly Currency[];

export interface Money {
  /** Integer minor units, > 0 for a movement. */
  readonly amount: number;
  readonly currency: Currency;
}

/** True if a + b stays exact. */
export function canAdd(a: number, b: number): boolean {
  return Number.isSafeInteger(a + b);
}

/** `12345` EUR → `123.45 EUR`; minor units follow ISO 4217. */
export function formatMoney(amount: number, currency: string): string {
  const digits = (CURRENCY_MINOR_UNITS as Readonly<Record<string, number>>)[currency] ?? 2;
  const negative = amount < 0;
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  const major = digits === 0 ? units : units.slice(0, -digits);
  const grouped = major.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${digits === 0 ? '' : `.${units.slice(-digits)}`} ${currency}`;
}
