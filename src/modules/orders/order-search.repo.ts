import { desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/contains.js';
import { orders, shipments } from './order.tables.js';

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
 */
export async function searchOrders(db: DbOrTx, q: string, limit = 10) {
  const p = containsPattern(q);
  const byOrder = db
    .select({ ...hit, value: sql<string>`${orders.number}`.as('value') })
    .from(orders)
    .where(or(ilike(orders.number, p), ilike(orders.fullName, p), ilike(orders.email, p)))
    .limit(CANDIDATES)
    .as('by_order');
  const byTracking = db
    .select({ ...hit, value: sql<string>`${shipments.trackingNumber}`.as('value') })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(ilike(shipments.trackingNumber, p))
    .limit(CANDIDATES)
    .as('by_tracking');
  const [direct, tracked] = await Promise.all([
    db.select().from(byOrder).orderBy(desc(byOrder.createdAt)).limit(limit),
    db.select().from(byTracking).orderBy(desc(byTracking.createdAt)).limit(limit),
  ]);
  return [
    ...direct.map((r) => ({ ...r, matched: 'order' as const })),
    ...tracked.map((r) => ({ ...r, matched: 'tracking' as const })),
  ];
}

export type OrderHit = Awaited<ReturnType<typeof searchOrders>>[number];
