import { describe, expect, it } from 'vitest';
import { demoOrderPlan, seededRandom, stepAt } from './demo-orders.js';
import { demoPng } from './demo-picture.js';

const now = new Date('2026-03-10T12:00:00Z');

describe('demo order plan', () => {
  it('is the same on every run (fixed seed) and differs with another seed', () => {
    expect(demoOrderPlan(now, 20, 72)).toEqual(demoOrderPlan(now, 20, 72));
    expect(demoOrderPlan(now, 20, 72, 7)).not.toEqual(demoOrderPlan(now, 20, 72));
    const r = seededRandom(1);
    const first = [r(), r(), r()];
    const again = seededRandom(1);
    expect([again(), again(), again()]).toEqual(first);
    for (const v of first) expect(v >= 0 && v < 1).toBe(true);
  });

  it('spreads orders over the last two months, none in the future, sorted by submission', () => {
    const plan = demoOrderPlan(now, 20, 72);
    const ages = plan.map((p) => (now.getTime() - p.createdAt.getTime()) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(60);
    expect(Math.max(...ages)).toBeGreaterThan(45);
    expect(plan.map((p) => p.createdAt.getTime())).toEqual(
      plan.map((p) => p.createdAt.getTime()).sort((a, b) => a - b),
    );
    for (const p of plan) for (const l of p.lines) expect(l.product).toBeLessThan(20);
  });

  it('a step happens only once its time has come', () => {
    const from = new Date(now.getTime() - 5 * 3_600_000);
    expect(stepAt(from, 2, now)?.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(stepAt(from, 6, now)).toBeNull();
    expect(stepAt(from, null, now)).toBeNull();
    expect(stepAt(null, 1, now)).toBeNull();
  });

  it('draws distinct small PNG pictures', () => {
    const a = demoPng(1);
    expect(a.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(a.equals(demoPng(1))).toBe(true);
    expect(a.equals(demoPng(2))).toBe(false);
    expect(a.length).toBeLessThan(2000);
  });
});
