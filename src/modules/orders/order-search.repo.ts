import { desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/contains.js';
import { orderContactValues, orders, shipments } from './order.tables.js';

/** Each kind of key reads at most this many matches before sorting (newest first) and keeping `limit`. */
const CANDIDATES = 50;

const hit = {
  number: orders.number,
  status: orders.status,
  fullName: orders.fullName,
  email: orders.email,
  customerId: orders.customerId,
  goodsCents: orders.goodsCents,
  totalCents: orders.totalCents,
  createdAt: orders.createdAt,
};

/**
 * Orders whose number, buyer name or e-mail (as typed on the order) contains `q`, and
 * orders with a parcel whose tracking number contains it. Each set reads its trigram
 * index and at most CANDIDATES rows, so a key shared by thousands of orders stays cheap.
 * Names and e-mails are matched on their distinct values first (orderContactValues), then
 * read by equality: each value listed has an order, so CANDIDATES values are enough.
 */
export async function searchOrders(db: DbOrTx, q: string, limit = 10) {
  const p = containsPattern(q);
  const byTracking = db
    .select({ ...hit, value: sql<string>`${shipments.trackingNumber}`.as('value') })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(ilike(shipments.trackingNumber, p))
    .limit(CANDIDATES)
    .as('by_tracking');
  const direct = async () => {
    const values = (
      await db
        .select({ value: orderContactValues.value })
        .from(orderContactValues)
        .where(ilike(orderContactValues.value, p))
        .limit(CANDIDATES)
    ).map((r) => r.value);
    const byOrder = db
      .select({ ...hit, value: sql<string>`${orders.number}`.as('value') })
      .from(orders)
      .where(or(ilike(orders.number, p), inArray(orders.fullName, values), inArray(orders.email, values)))
      .limit(CANDIDATES)
      .as('by_order');
    return db.select().from(byOrder).orderBy(desc(byOrder.createdAt)).limit(limit);
  };
  const [byKey, tracked] = await Promise.all([
    direct(),
    db.select().from(byTracking).orderBy(desc(byTracking.createdAt)).limit(limit),
  ]);
  return [
    ...byKey.map((r) => ({ ...r, matched: 'order' as const })),
    ...tracked.map((r) => ({ ...r, matched: 'tracking' as const })),
  ];
}

export type OrderHit = Awaited<ReturnType<typeof searchOrders>>[number];
