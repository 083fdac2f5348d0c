/**
 * The back office and the API on a large order book (issues 15, 17, 18): orders are topped up
 * in SQL to each step (50,000, then 500,000), and at each step the Fastify+DB baseline is
 * measured again, just before the app, so every row has a same-moment baseline on a machine
 * whose load drifts. The staff queue and the all-orders list are measured at every step (what
 * 10× the orders costs them); the search, a deep keyset page and the API at the last one.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';
import { benchApiTokens } from './api-tokens.js';
import type { Child } from './child.js';
import type { BenchDatabase } from './database.js';
import { generateOrders } from './generate-orders.js';
import { logInStaff } from './journey.js';
import type { Headers } from './load.js';
import type { Row } from './results.js';

export const STAFF_QUEUE = '/admin/orders?queue=awaiting_quote';
/** A state and a country: what a person narrows the all-orders list (and the API's) with. */
const FILTER = { state: 'completed', country: 'DE' } as const;
const ALL_ORDERS = `/admin/orders/all?state=${FILTER.state}&country=${FILTER.country}`;
/** Rows skipped before the deep page: about page 400 of the filtered list. */
const DEEP_OFFSET = 20_000;
/** Each token allows 600 requests a minute; 200 cover a full run's rows with room to spare. */
const TOKENS = 200;

export interface OrdersStep {
  orders: number;
  /** Orders added and seconds taken to reach this step. */
  generated: { rows: number; seconds: number };
  baseline: Row;
  rows: Row[];
}
export interface OrdersScale {
  steps: OrdersStep[];
}

/** Row names, shared with the targets. */
export const ordersRows = {
  queue: 'staff queue (awaiting quote)',
  list: `all orders, ${FILTER.state} + ${FILTER.country}`,
  deep: `all orders, ${FILTER.state} + ${FILTER.country}, deep page`,
  email: 'back-office search: e-mail',
  number: 'back-office search: order number part',
  tracking: 'back-office search: tracking number',
  api: `API GET /api/v1/orders, ${FILTER.state} + ${FILTER.country}`,
} as const;

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Keys a person would have in hand, taken from the data: a buyer's e-mail, the middle of an order number, a waybill. */
async function searchKeys(db: Db) {
  const one = async (q: ReturnType<typeof sql>) => rowsOf<{ v: string }>(await db.execute(q))[0]?.v ?? '';
  return {
    email: await one(sql`select email as v from orders where email like 'customer%' order by id limit 1`),
    // "HC-2026-012345" → "012345": the digits staff read out, without the prefix.
    number: await one(sql`select right(number, 6) as v from orders order by id desc offset 1000 limit 1`),
    tracking: await one(sql`select tracking_number as v from shipments order by id desc offset 1000 limit 1`),
    // The list's cursor (created_at in microseconds, then id) of the row DEEP_OFFSET down the filtered list.
    deep: await one(sql`select (extract(epoch from created_at) * 1000000)::bigint::text || '-' || id as v from orders
      where status = ${FILTER.state} and country = ${FILTER.country}
      order by created_at desc, id desc offset ${DEEP_OFFSET} limit 1`),
  };
}

export async function ordersAtScale(ctx: {
  bdb: BenchDatabase;
  steps: number[];
  baseline: () => Promise<Row>;
  startApp: () => Promise<Child>;
  measure: (name: string, base: string, path: string, headers?: Headers) => Promise<Row>;
  log: (msg: string) => void;
}): Promise<OrdersScale> {
  const steps: OrdersStep[] = [];
  for (const [n, orders] of ctx.steps.entries()) {
    const last = n === ctx.steps.length - 1;
    ctx.log(`generating up to ${orders} orders`);
    const database = await ctx.bdb.open();
    const t0 = performance.now();
    const added = await generateOrders(database.db, orders);
    const generated = { rows: added, seconds: (performance.now() - t0) / 1000 };
    // What autovacuum leaves after a real order book grew (statistics, visibility map, hint
    // bits), done now rather than during the measurements.
    await database.db.execute(sql`vacuum (analyze) orders, order_lines, order_events, shipments, order_contact_values`);
    const tokens = last ? await benchApiTokens(database.db, TOKENS) : [];
    const keys = last ? await searchKeys(database.db) : undefined;
    await database.close();

    const baseline = await ctx.baseline();
    const app = await ctx.startApp();
    try {
      const staff = { cookie: (await logInStaff(app.url)).sales.cookieHeader };
      const pages: [string, string, Headers][] = [
        [ordersRows.queue, STAFF_QUEUE, staff],
        [ordersRows.list, ALL_ORDERS, staff],
      ];
      if (keys) {
        const search = (q: string) => `/admin/search?q=${encodeURIComponent(q)}`;
        pages.push(
          [ordersRows.deep, `${ALL_ORDERS}&after=${keys.deep}`, staff],
          [ordersRows.email, search(keys.email), staff],
          [ordersRows.number, search(keys.number), staff],
          [ordersRows.tracking, search(keys.tracking), staff],
          [
            ordersRows.api,
            `/api/v1/orders?state=${FILTER.state}&country=${FILTER.country}`,
            tokens.map((t) => ({ authorization: `Bearer ${t}` })),
          ],
        );
      }
      const rows: Row[] = [];
      for (const [name, path, headers] of pages) rows.push(await ctx.measure(name, app.url, path, headers));
      steps.push({ orders, generated, baseline, rows });
    } finally {
      await app.stop();
    }
  }
  return { steps };
}
