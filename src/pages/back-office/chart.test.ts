import { describe, expect, it } from 'vitest';
import { barChart, linearScale, niceStep, ticks } from './chart.js';

const box = { width: 300, height: 120, left: 40, right: 0, top: 10, bottom: 20 };

describe('chart geometry', () => {
  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10)).toBe(5);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(100)).toBe(50);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(1_234_567)).toBe(500_000);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });

  it('ticks start at zero and end at or above the maximum', () => {
    expect(ticks(10)).toEqual([0, 5, 10]);
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(101)).toEqual([0, 50, 100, 150]);
  });

  it('maps values linearly, and an empty domain to the baseline', () => {
    const y = linearScale(10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(5)).toBe(50);
    expect(y(10)).toBe(0);
    expect(linearScale(0, 100, 0)(3)).toBe(100);
  });

  it('lays bars side by side on the plot, tallest at the top tick', () => {
    const g = barChart(
      [
        { label: 'a', value: 0 },
        { label: 'b', value: 5 },
        { label: 'c', value: 10 },
      ],
      box,
    );
    expect(g.plot).toEqual({ x0: 40, x1: 300, y0: 100, y1: 10 });
    expect(g.bars.map((b) => b.height)).toEqual([0, 45, 90]);
    expect(g.bars[2]!.y).toBe(10);
    for (const b of g.bars) expect(b.y + b.height).toBeCloseTo(100);
    // Equal slots of 260/3, bars 70% wide, centred.
    expect(g.bars[0]!.x).toBeCloseTo(40 + (260 / 3) * 0.15, 0);
    expect(g.bars[1]!.x - g.bars[0]!.x).toBeCloseTo(260 / 3, 0);
    expect(g.gridLines).toEqual([
      { y: 100, value: 0 },
      { y: 55, value: 5 },
      { y: 10, value: 10 },
    ]);
  });

  it('labels at most about maxLabels days, always the last one', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ label: `d${i}`, value: i }));
    const g = barChart(points, box, 8);
    expect(g.xLabels.length).toBeLessThanOrEqual(8);
    expect(g.xLabels.at(-1)!.label).toBe('d29');
    expect(barChart([], box).bars).toEqual([]);
  });
});
