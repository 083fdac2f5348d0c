import { casePromiseStats } from '../../modules/after-sales/index.js';
import { type OrderStats, orderStats, type PromiseTally } from '../../modules/orders/index.js';
import { paymentStats } from '../../modules/payments/index.js';
import type { DbOrTx } from '../../platform/db/client.js';

/** The periods the dashboard offers, in days; the GET form's select lists exactly these. */
export const businessPeriods = [7, 30, 90] as const;
export type BusinessPeriod = (typeof businessPeriods)[number];
export const DEFAULT_PERIOD: BusinessPeriod = 30;

/** `?period=` as given: absent → the default; anything not offered → undefined (the route answers 400). */
export function parsePeriod(raw: unknown): BusinessPeriod | undefined {
  if (raw === undefined || raw === '') return DEFAULT_PERIOD;
  return businessPeriods.find((p) => String(p) === raw);
}

const DAY = 86_400_000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last `days` UTC days, today included: `[from, to)` and each day's label. Pure. */
export function periodDays(days: number, now: Date) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * DAY);
  const to = new Date(today + DAY);
  return { from, to, days: Array.from({ length: days }, (_, i) => utcDay(new Date(from.getTime() + i * DAY))) };
}

export interface DayFigures {
  day: string;
  orders: number;
  approvedCents: number;
}

export interface BusinessFigures {
  period: BusinessPeriod;
  from: Date;
  /** The last day included (UTC). */
  until: Date;
  perDay: DayFigures[];
  totals: { orders: number; approvedCents: number };
  avgHours: { quote: number | null; approve: number | null; ship: number | null };
  promises: { quote: PromiseTally; tracking: PromiseTally; afterSales: PromiseTally };
  topProducts: OrderStats['topProducts'];
  topCountries: OrderStats['topCountries'];
}

/** Share kept, 0..1, or null when nothing fell due. Pure. */
export const shareKept = (t: PromiseTally) => (t.due === 0 ? null : t.kept / t.due);

/** Sums tallies (the overall share of promises kept). Pure. */
export const sumTallies = (...ts: PromiseTally[]): PromiseTally => ({
  due: ts.reduce((n, t) => n + t.due, 0),
  kept: ts.reduce((n, t) => n + t.kept, 0),
});

/** The business over the last `period` days: each module's aggregate, days without any filled with zeros. */
export async function businessFigures(db: DbOrTx, period: BusinessPeriod, now = new Date()): Promise<BusinessFigures> {
  const { from, to, days } = periodDays(period, now);
  const p = { from, to, now };
  const [orders, payments, afterSales] = await Promise.all([
    orderStats(db, p),
    paymentStats(db, p),
    casePromiseStats(db, p),
  ]);
  const ordersOn = new Map(orders.perDay.map((d) => [d.day, d.orders]));
  const centsOn = new Map(payments.perDay.map((d) => [d.day, d.approvedCents]));
  const perDay = days.map((day) => ({ day, orders: ordersOn.get(day) ?? 0, approvedCents: centsOn.get(day) ?? 0 }));
  return {
    period,
    from,
    until: new Date(to.getTime() - DAY),
    perDay,
    totals: {
      orders: perDay.reduce((n, d) => n + d.orders, 0),
      approvedCents: perDay.reduce((n, d) => n + d.approvedCents, 0),
    },
    avgHours: { quote: orders.quote.avgHours, approve: payments.approveAvgHours, ship: orders.ship.avgHours },
    promises: {
      quote: { due: orders.quote.due, kept: orders.quote.kept },
      tracking: { due: orders.ship.due, kept: orders.ship.kept },
      afterSales,
    },
    topProducts: orders.topProducts,
    topCountries: orders.topCountries,
  };
}
