import { describe, expect, it } from 'vitest';
import { readableHashrate, toHashesPerSecond } from './product.rules.js';

describe('hashrate units', () => {
  it('names a network hashrate in the largest unit it reaches (Bitcoin in EH/s, not 1e+21 H/s)', () => {
    expect(readableHashrate(1e21)).toEqual({ value: 1000, unit: 'EH/s' });
    expect(readableHashrate(6.5e20)).toEqual({ value: 650, unit: 'EH/s' });
    expect(readableHashrate(1.234567e15)).toEqual({ value: 1.23457, unit: 'PH/s' });
    expect(readableHashrate(950)).toEqual({ value: 0.95, unit: 'KH/s' });
  });

  it('reads back what it wrote', () => {
    const { value, unit } = readableHashrate(7.25e20);
    expect(toHashesPerSecond(value, unit)).toBeCloseTo(7.25e20, -14);
  });
});

describe('defaultHsCode', () => {
  it('gives every category a six-digit HS code: miners 8471.50, PSUs 8504.40', async () => {
    const { categorySlugs } = await import('../../platform/categories.js');
    const { defaultHsCode } = await import('./product.rules.js');
    expect(defaultHsCode('asic-miners')).toBe('8471.50');
    expect(defaultHsCode('power-supplies')).toBe('8504.40');
    for (const c of categorySlugs) expect(defaultHsCode(c)).toMatch(/^\d{4}\.\d{2}$/);
  });
});
