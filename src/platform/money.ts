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
