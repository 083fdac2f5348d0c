import { describe, expect, it } from 'vitest';
import { MAX_STOCK, MAX_STOCK_ADJUSTMENT, signedDelta } from './stock.rules.js';

describe('stock rules', () => {
  it('shows a change with its sign, a real minus for removals', () => {
    expect(signedDelta(20)).toBe('+20');
    expect(signedDelta(-3)).toBe('−3');
  });

  it('keeps adjustments and stock far inside the int column', () => {
    expect(MAX_STOCK_ADJUSTMENT).toBeLessThanOrEqual(MAX_STOCK);
    expect(MAX_STOCK + MAX_STOCK_ADJUSTMENT).toBeLessThan(2 ** 31 - 1);
  });
});
