/**
 * Geometry of the dashboard's bar charts, drawn on the server as SVG: pure functions (scales,
 * ticks, bar rectangles) so the view only writes out what these compute.
 */

/** A "nice" step (1, 2 or 5 times a power of ten) that splits `0..max` into about `count` parts. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const raw = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  // Whole steps only: the charts count orders and cents.
  return Math.max(1, nice * power);
}

/** Axis ticks from 0 to the first multiple of the step at or above `max` (0 and 1 for an empty series). */
export function ticks(max: number, count = 4): number[] {
  const step = niceStep(max, count);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const out: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) out.push(v);
  return out;
}

/** A linear map from `[0, domainMax]` to `[rangeStart, rangeEnd]` (SVG y grows downwards: pass bottom, top). */
export const linearScale = (domainMax: number, rangeStart: number, rangeEnd: number) => (v: number) =>
  domainMax <= 0 ? rangeStart : rangeStart + ((rangeEnd - rangeStart) * v) / domainMax;

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the value labels on the left and the day labels below. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface BarGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  label: string;
}

export interface ChartGeometry {
  bars: BarGeometry[];
  /** Horizontal grid lines with their values. */
  gridLines: { y: number; value: number }[];
  /** Labels under some bars (at most about `maxLabels` so they never overlap). */
  xLabels: { x: number; label: string }[];
  plot: { x0: number; x1: number; y0: number; y1: number };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** One bar per point, equally spaced, on a 0-based scale whose top is the last tick. */
export function barChart(points: { label: string; value: number }[], box: ChartBox, maxLabels = 8): ChartGeometry {
  const x0 = box.left;
  const x1 = box.width - box.right;
  const y0 = box.height - box.bottom;
  const y1 = box.top;
  const tickValues = ticks(Math.max(0, ...points.map((p) => p.value)));
  const top = tickValues[tickValues.length - 1] ?? 1;
  const y = linearScale(top, y0, y1);
  const slot = points.length ? (x1 - x0) / points.length : 0;
  const barWidth = Math.max(1, slot * 0.7);
  const every = Math.max(1, Math.ceil(points.length / maxLabels));
  return {
    bars: points.map((p, i) => {
      const value = Math.max(0, p.value);
      const yTop = y(value);
      return {
        x: round(x0 + i * slot + (slot - barWidth) / 2),
        y: round(yTop),
        width: round(barWidth),
        height: round(y0 - yTop),
        value: p.value,
        label: p.label,
      };
    }),
    gridLines: tickValues.map((value) => ({ y: round(y(value)), value })),
    xLabels: points
      .map((p, i) => ({ x: round(x0 + i * slot + slot / 2), label: p.label, i }))
      .filter((l) => (points.length - 1 - l.i) % every === 0)
      .map(({ x, label }) => ({ x, label })),
    plot: { x0, x1, y0, y1 },
  };
}
