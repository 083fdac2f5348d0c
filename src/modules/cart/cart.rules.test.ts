import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineQuantityAllowed, lineTotalCents, quantityAvailable, subtotalCents } from './cart.rules.js';

describe('cart rules', () => {
  it('sums lines in integer cents', () => {
    expect(
      subtotalCents([
        { unitPriceCents: 460_000, quantity: 2 },
        { unitPriceCents: 1_999, quantity: 3 },
      ]),
    ).toBe(925_997);
    expect(subtotalCents([])).toBe(0);
  });
  it('keeps totals integral for any integral input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitPriceCents: fc.nat(10_000_000), quantity: fc.integer({ min: 1, max: 10_000 }) })),
        (lines) =>
          Number.isSafeInteger(subtotalCents(lines)) &&
          subtotalCents(lines) === lines.reduce((s, l) => s + lineTotalCents(l), 0),
      ),
    );
  });
  it('caps a line at 10,000 whole units', () => {
    expect([1, 10_000].map(lineQuantityAllowed)).toEqual([true, true]);
    expect([0, -1, 1.5, 10_001, 999_999_999, Number.NaN].map(lineQuantityAllowed)).toEqual(Array(6).fill(false));
  });
  it('limits quantity by stock unless backorders are allowed', () => {
    expect(quantityAvailable({ stock: 3, backorderAllowed: false }, 3)).toBe(true);
    expect(quantityAvailable({ stock: 3, backorderAllowed: false }, 4)).toBe(false);
    expect(quantityAvailable({ stock: 0, backorderAllowed: true }, 50)).toBe(true);
  });
});
