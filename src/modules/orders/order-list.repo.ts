import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { overdueCondition } from './order.repo.js';
import { orders, savedAddresses } from './order.tables.js';
import type { OrderListQuery } from './order-list.inputs.js';

/** What a person may filter by, and the customer page's own filter (never from the address bar). */
export type OrderListFilter = OrderListQuery & { customer?: number };

export const ORDER_LIST_PAGE = 50;
/** Rows an export reads per statement: one page in memory at a time. */
export const EXPORT_PAGE = 1000;

const DAY = 86_400_000;
const utcDay = (d: string) => new Date(`${d}T00:00:00Z`);

/** The filters as one condition; `to` is a whole day, so it includes orders placed during it. */
function filterCondition(f: OrderListFilter, now: Date): SQL | undefined {
  return and(
    f.customer ? eq(orders.customerId, f.customer) : undefined,
    f.state ? eq(orders.status, f.state) : undefined,
    f.payment ? eq(orders.paymentMethodId, f.payment) : undefined,
    f.shipping ? eq(orders.shippingMethod, f.shipping) : undefined,
    f.country ? eq(orders.country, f.country) : undefined,
    f.from ? gte(orders.createdAt, utcDay(f.from)) : undefined,
    f.to ? lt(orders.createdAt, new Date(utcDay(f.to).getTime() + DAY)) : undefined,
    f.overdue ? overdueCondition(now) : undefined,
  );
}

/** created_at in whole microseconds: a JavaScript Date keeps milliseconds, which would repeat or skip rows. */
const micros = sql<string>`(extract(epoch from ${orders.createdAt}) * 1000000)::bigint::text`;
const at = (c: { micros: string }) => sql`(timestamptz 'epoch' + ${c.micros}::bigint * interval '1 microsecond')`;

/**
 * One page of every order matching the filters, newest first, keyset-paged by
 * (created_at, id) (ADR 0003): `after` continues past a page's last row, `before` goes
 * back from a page's first row. Each page reads about one page of index entries however
 * deep it is, so there is no cap on how far a person can page.
 */
export async function listOrders(db: DbOrTx, f: OrderListFilter, now: Date, limit = ORDER_LIST_PAGE) {
  const back = f.before !== undefined && f.after === undefined;
  const edge = back ? f.before : f.after;
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      fullName: orders.fullName,
      email: orders.email,
      customerId: orders.customerId,
      country: orders.country,
      shippingMethod: orders.shippingMethod,
      goodsCents: orders.goodsCents,
      totalCents: orders.totalCents,
      createdAt: orders.createdAt,
      cursor: micros,
    })
    .from(orders)
    .where(
      and(
        filterCondition(f, now),
        edge
          ? back
            ? sql`(${orders.createdAt}, ${orders.id}) > (${at(edge)}, ${edge.id})`
            : sql`(${orders.createdAt}, ${orders.id}) < (${at(edge)}, ${edge.id})`
          : undefined,
      ),
    )
    .orderBy(...(back ? [asc(orders.createdAt), asc(orders.id)] : [desc(orders.createdAt), desc(orders.id)]))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (back) page.reverse();
  const cursorOf = (r: (typeof page)[number] | undefined) => (r ? `${r.cursor}-${r.id}` : undefined);
  return {
    rows: page,
    /** Older orders exist past this page. */
    next: (back ? edge !== undefined : more) ? cursorOf(page.at(-1)) : undefined,
    /** Newer orders exist before this page. */
    previous: (back ? more : edge !== undefined) ? cursorOf(page[0]) : undefined,
  };
}

export type OrderListPage = Awaited<ReturnType<typeof listOrders>>;

/** The address the customer last ordered to (offered again at checkout; shown to staff on the customer page). */
export async function savedAddressOf(db: DbOrTx, userId: number) {
  const [row] = await db.select().from(savedAddresses).where(eq(savedAddresses.userId, userId));
  return row;
}
