import { z } from 'zod';

/** Money is integer US cents everywhere; these convert at the edges without floats. */

const USD = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d{1,10})(?:\.(\d{1,2}))?\s*$/;

/** "4,599.5" -> 459950; undefined for anything that is not a plain non-negative amount. */
export function parseUsdToCents(input: string): number | undefined {
  const m = USD.exec(input);
  if (!m) return undefined;
  const whole = Number((m[1] ?? '').replaceAll(',', ''));
  const fraction = Number((m[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** 459950 -> "4599.50", for form fields (display uses Intl via i18n.money). */
export const centsToUsdInput = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * Ceilings for amounts typed into forms, each with its message. Prices stay under 2^31
 * cents so their columns can stay 32-bit; totals, payments and limits are 64-bit
 * columns (quantities up to 10,000 times a price can pass 2^31).
 */
export const moneyCaps = {
  /** A unit price or a freight quote: US$1,000,000.00. */
  price: { cents: 100_000_000, message: 'field.priceTooLarge' },
  /** A coin's market price: US$10,000,000.00. */
  coin: { cents: 1_000_000_000, message: 'field.coinPriceTooLarge' },
  /** One payment, or a payment method's order limit: US$100,000,000.00. */
  payment: { cents: 10_000_000_000, message: 'field.paymentTooLarge' },
} as const;

export type MoneyCap = keyof typeof moneyCaps;

/**
 * A form field in US dollars, parsed to cents and held to its cap. `invalid` is the
 * message for what is not an amount (zero counts as one when `positive`).
 */
export const usdField = (cap: MoneyCap, { invalid = 'field.moneyInvalid', positive = false } = {}) =>
  z.string().transform((v, ctx) => {
    const cents = parseUsdToCents(v);
    if (cents === undefined || (positive && cents === 0)) ctx.addIssue({ code: 'custom', message: invalid });
    else if (cents > moneyCaps[cap].cents) ctx.addIssue({ code: 'custom', message: moneyCaps[cap].message });
    return cents ?? 0;
  });

/** The message for an amount over its cap, or undefined when it fits. */
export const overCap = (cents: number, cap: MoneyCap) =>
  cents > moneyCaps[cap].cents ? moneyCaps[cap].message : undefined;
