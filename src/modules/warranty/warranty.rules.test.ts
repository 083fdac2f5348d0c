import { describe, expect, it } from 'vitest';
import { publicTesterName, serialInput, warrantyOf } from './warranty.rules.js';

const at = (s: string) => new Date(`${s}T00:00:00Z`);

describe('warrantyOf', () => {
  it('runs from delivery for the warranty days, the last moment included', () => {
    const unit = { status: 'completed', deliveredAt: at('2026-01-01'), warrantyDays: 180 };
    expect(warrantyOf(unit, at('2026-06-30'))).toEqual({ state: 'in_warranty', endsAt: at('2026-06-30') });
    expect(warrantyOf(unit, new Date(at('2026-06-30').getTime() + 1)).state).toBe('expired');
  });
  it('has not started while the unit is on its way', () => {
    expect(warrantyOf({ status: 'shipped', deliveredAt: null, warrantyDays: 365 }, at('2026-01-01'))).toEqual({
      state: 'not_delivered',
      endsAt: null,
    });
  });
});

describe('serialInput', () => {
  it('takes a serial as packing records it and refuses anything else', () => {
    expect(serialInput.parse('  sn-1/2.3_x ')).toBe('sn-1/2.3_x');
    for (const bad of ['', '   ', '-lead', 'a b', '<b>', 'x'.repeat(65)])
      expect(serialInput.safeParse(bad).success).toBe(false);
  });
});

describe('publicTesterName', () => {
  it('keeps the first name and the initial of the last, never the whole surname', () => {
    expect(publicTesterName('Lukas Bergmann')).toBe('Lukas B.');
    expect(publicTesterName('  ana maría  castillo ')).toBe('ana C.');
    expect(publicTesterName('Packer')).toBe('Packer');
    expect(publicTesterName('Łukasz Żółw')).toBe('Łukasz Ż.');
    expect(publicTesterName('')).toBe('');
  });
});
