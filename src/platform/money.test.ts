import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToUsdInput, parseUsdToCents } from './money.js';

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
