import { and, desc, gte, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { constant } from '../../platform/db/constant.js';
import { leadTimes } from '../shipping/index.js';
import { QUOTE_OVERDUE_HOURS } from './order.rules.js';
import { orderLines, orders } from './order.tables.js';

/** A bounded period of the dashboard: `[from, to)`, `now` for promises whose deadline has not come yet. */
export interface StatsPeriod {
  from: Date;
  to: Date;
  now: Date;
}

/** A promise measured over a period: how many fell due and how many of those were kept. */
export interface PromiseTally {
  due: number;
  kept: number;
}

const day = (column: unknown) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;
const hoursBetween = (later: unknown, earlier: unknown) =>
  sql<number | null>`avg(extract(epoch from (${later} - ${earlier})) / 3600)`.mapWith((v) =>
    v === null ? null : Number(v),
  );
const count = (where: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${where})`.mapWith(Number);

const quoteDeadline = sql`${orders.createdAt} + ${constant(QUOTE_OVERDUE_HOURS)} * interval '1 hour'`;
const trackingDeadline = sql`${orders.approvedAt} + ${constant(leadTimes.trackingOverdueDays)} * interval '1 day'`;

/**
 * The orders' side of the business dashboard, aggregated in SQL over a bounded period:
 * orders submitted per UTC day, time to quote and to ship, the quote and tracking promises
 * (the deadlines are the overdue badge's: QUOTE_OVERDUE_HOURS, leadTimes.trackingOverdueDays),
 * top products and destinations. Orders submitted in the period are read through
 * orders_created_idx, orders approved in it through orders_approved_idx.
 */
export async function orderStats(db: DbOrTx, p: StatsPeriod, top = 5) {
  const q = orderStatsQueries(db, p, top);
  const [perDay, [quote], [ship], products, countries] = await Promise.all([
    q.perDay,
    q.quote,
    q.ship,
    q.topProducts,
    q.topCountries,
  ]);
  return {
    perDay,
    quote: { avgHours: quote?.avgHours ?? null, due: quote?.due ?? 0, kept: quote?.kept ?? 0 },
    ship: { avgHours: ship?.avgHours ?? null, due: ship?.due ?? 0, kept: ship?.kept ?? 0 },
    topProducts: products,
    topCountries: countries,
  };
}
export type OrderStats = Awaited<ReturnType<typeof orderStats>>;

/** The statements behind `orderStats` (its plan test checks each reads an index). */
export function orderStatsQueries(db: DbOrTx, p: StatsPeriod, top = 5) {
  const created = and(gte(orders.createdAt, p.from), lt(orders.createdAt, p.to));
  const approved = and(gte(orders.approvedAt, p.from), lt(orders.approvedAt, p.to));
  const live = ne(orders.status, constant('cancelled'));
  // A promise falls due when it was kept or broken: done, or its deadline passed while the order was open.
  const openUntil = sql`coalesce(${orders.closedAt}, ${p.now.toISOString()}::timestamptz)`;
  return {
    perDay: db
      .select({ day: day(orders.createdAt), orders: sql<number>`count(*)`.mapWith(Number) })
      .from(orders)
      .where(created)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    quote: db
      .select({
        avgHours: hoursBetween(orders.quotedAt, orders.createdAt),
        due: count(sql`${orders.quotedAt} is not null or ${quoteDeadline} < ${openUntil}`),
        kept: count(sql`${orders.quotedAt} <= ${quoteDeadline}`),
      })
      .from(orders)
      .where(created),
    ship: db
      .select({
        avgHours: hoursBetween(orders.shippedAt, orders.approvedAt),
        due: count(sql`${orders.shippedAt} is not null or ${trackingDeadline} < ${openUntil}`),
        kept: count(sql`${orders.shippedAt} <= ${trackingDeadline}`),
      })
      .from(orders)
      .where(approved),
    topProducts: db
      .select({
        productId: orderLines.productId,
        name: sql<string>`max(${orderLines.name})`,
        units: sql<number>`sum(${orderLines.quantity})`.mapWith(Number),
        goodsCents: sql<number>`sum(${orderLines.quantity}::bigint * ${orderLines.unitPriceCents})`.mapWith(Number),
      })
      .from(orderLines)
      .innerJoin(orders, sql`${orders.id} = ${orderLines.orderId}`)
      .where(and(created, live))
      .groupBy(orderLines.productId)
      .orderBy(desc(sql`3`), desc(sql`4`), orderLines.productId)
      .limit(top),
    topCountries: db
      .select({
        country: orders.country,
        orders: sql<number>`count(*)`.mapWith(Number),
        goodsCents: sql<number>`sum(${orders.goodsCents})`.mapWith(Number),
      })
      .from(orders)
      .where(and(created, live))
      .groupBy(orders.country)
      .orderBy(desc(sql`2`), desc(sql`3`), orders.country)
      .limit(top),
  };
}
