import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToUsdInput, moneyCaps, parseUsdToCents, usdField } from './money.js';

describe('money parsing', () => {
  it('reads plain and formatted amounts into cents', () => {
    expect(parseUsdToCents('4599')).toBe(459_900);
    expect(parseUsdToCents('4,599.5')).toBe(459_950);
    expect(parseUsdToCents('$0.07')).toBe(7);
    expect(parseUsdToCents(' 12.30 ')).toBe(1_230);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1e5', '12,34', 'NaN', '1.2.3'])
      expect(parseUsdToCents(bad)).toBeUndefined();
  });
  it('round-trips every cent value', () => {
    fc.assert(fc.property(fc.nat(1_000_000_000), (c) => parseUsdToCents(centsToUsdInput(c)) === c));
  });
});

describe('amount fields', () => {
  const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
    r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);
  it('hold each amount to its cap, the cap itself included', () => {
    expect(usdField('price').parse('1,000,000.00')).toBe(moneyCaps.price.cents);
    expect(issues(usdField('price').safeParse('1000000.01'))).toEqual(['field.priceTooLarge']);
    expect(issues(usdField('coin').safeParse('10000000.01'))).toEqual(['field.coinPriceTooLarge']);
    expect(usdField('payment').parse('21474837')).toBe(2_147_483_700);
    expect(issues(usdField('payment').safeParse('9999999999'))).toEqual(['field.paymentTooLarge']);
    expect(issues(usdField('price').safeParse('abc'))).toEqual(['field.moneyInvalid']);
  });
  it('keeps prices and coin prices in 32 bits, and every cap a safe integer', () => {
    expect(moneyCaps.price.cents).toBeLessThan(2 ** 31);
    expect(moneyCaps.coin.cents).toBeLessThan(2 ** 31);
    // 10,000 units at the price cap, the freight cap on top: still exact in a JS number.
    expect(Number.isSafeInteger(10_000 * moneyCaps.price.cents + moneyCaps.price.cents)).toBe(true);
  });
  it('refuses zero where an amount must be positive', () => {
    expect(issues(usdField('payment', { invalid: 'field.amountInvalid', positive: true }).safeParse('0'))).toEqual([
      'field.amountInvalid',
    ]);
  });
});
