import { describe, expect, it } from 'vitest';
import { BoundedMemo, memoMoney, memoUtcDate, memoUtcMinute } from './format-cache.js';
import { i18n, locales } from './index.js';

const tags = { en: 'en-US', es: 'es-ES' } as const;
const intl = (locale: keyof typeof tags) => ({
  money: new Intl.NumberFormat(tags[locale], { style: 'currency', currency: 'USD' }),
  date: new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeZone: 'UTC' }),
  dateTime: new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
});

/** Instants around day and minute edges, before 1970 and in a leap year, each asked twice (a miss, then a hit). */
const instants = [
  '2026-03-01T00:00:00.000Z',
  '2026-02-28T23:59:59.999Z',
  '2024-02-29T12:34:56.789Z',
  '2026-12-31T23:59:30.000Z',
  '1969-12-31T23:59:59.500Z',
  '1901-06-15T08:05:00.000Z',
  '2026-07-04T00:00:59.999Z',
].map((s) => new Date(s));
const amounts = [0, 1, 99, 100, 123456, 100000000, -2500, 219_000_000_000, 0.5, 5];

describe.each(locales)('memoised formatters (%s)', (locale) => {
  const f = i18n(locale);
  const ref = intl(locale);

  it('date gives what Intl gives, on a miss and on a hit', () => {
    for (const d of [...instants, ...instants]) expect(f.date(d)).toBe(ref.date.format(d));
  });

  it('dateTime gives what Intl gives, to the minute, with its UTC suffix', () => {
    for (const d of [...instants, ...instants]) expect(f.dateTime(d)).toBe(`${ref.dateTime.format(d)} UTC`);
  });

  it('money gives what Intl gives, by the cent (negative zero keeps its sign)', () => {
    for (const c of [...amounts, ...amounts]) expect(f.money(c)).toBe(ref.money.format(c / 100));
    expect(f.money(-0)).toBe(ref.money.format(-0));
  });

  it('an invalid date still throws', () => {
    expect(() => f.date(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => f.dateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('BoundedMemo', () => {
  it('computes each key once while it is held', () => {
    let calls = 0;
    const memo = new BoundedMemo(10, (k) => {
      calls++;
      return `v${k}`;
    });
    expect([memo.get(1), memo.get(2), memo.get(1)]).toEqual(['v1', 'v2', 'v1']);
    expect(calls).toBe(2);
  });

  it('holds at most twice its limit, however many keys pass', () => {
    const memo = new BoundedMemo(100, (k) => k * 2);
    let wrong = 0;
    for (let k = 0; k < 10_000; k++) if (memo.get(k) !== k * 2) wrong++;
    expect(wrong).toBe(0);
    expect(memo.size).toBeLessThanOrEqual(200);
  });

  it('keeps a key in use across generations', () => {
    let calls = 0;
    const memo = new BoundedMemo(4, (k) => {
      if (k === 0) calls++;
      return k;
    });
    for (let k = 1; k < 50; k++) {
      memo.get(0);
      memo.get(k);
    }
    expect(calls).toBe(1);
  });

  it('stays right once the generations have turned over (20,000 minutes, a year of days)', () => {
    const date = memoUtcDate((d) => d.toISOString().slice(0, 10));
    const minute = memoUtcMinute((d) => d.toISOString().slice(0, 16));
    const money = memoMoney((a) => a.toFixed(2));
    const start = Date.UTC(2026, 0, 1);
    const wrong: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const d = new Date(start + i * 1_579_000); // ~26 min apart: 20,000 minutes, ~365 days
      const iso = d.toISOString();
      if (date(d) !== iso.slice(0, 10) || minute(d) !== iso.slice(0, 16) || money(i * 7) !== ((i * 7) / 100).toFixed(2))
        wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });
});
