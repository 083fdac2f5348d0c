import { and, asc, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { cappedCount, oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { orderFacts, QUEUE_COUNT_CAP } from '../orders/index.js';
import { refundPayments, refunds } from './refund.tables.js';

export type Refund = typeof refunds.$inferSelect;
export type RefundPayment = typeof refundPayments.$inferSelect;

export async function findRefundOfOrder(db: DbOrTx, orderId: number) {
  const [row] = await db.select().from(refunds).where(eq(refunds.orderId, orderId));
  return row;
}

/** The order's refund and its recorded parts (oldest first), or undefined when nothing is owed. */
export async function refundOfOrder(db: DbOrTx, orderId: number) {
  const refund = await findRefundOfOrder(db, orderId);
  if (!refund) return undefined;
  const parts = await db
    .select()
    .from(refundPayments)
    .where(eq(refundPayments.refundId, refund.id))
    .orderBy(asc(refundPayments.id));
  return { refund, parts };
}
export type RefundOfOrder = NonNullable<Awaited<ReturnType<typeof refundOfOrder>>>;

/** One part of the order's refund by id: the route's key for its proof and credit note. */
export async function findRefundPayment(db: DbOrTx, orderId: number, id: number) {
  const [row] = await db
    .select({ part: refundPayments, refund: refunds })
    .from(refundPayments)
    .innerJoin(refunds, eq(refunds.id, refundPayments.refundId))
    .where(sql`${refunds.orderId} = ${orderId} and ${refundPayments.id} = ${id}`);
  return row;
}

/** Refunds still owed, oldest first (finance's queue). */
export function refundsDue(db: DbOrTx, limit = 200) {
  return db
    .select({
      refund: refunds,
      number: orderFacts.number,
      fullName: orderFacts.fullName,
    })
    .from(refunds)
    .innerJoin(orderFacts, eq(orderFacts.id, refunds.orderId))
    .where(isNull(refunds.settledAt))
    .orderBy(asc(refunds.createdAt), asc(refunds.id))
    .limit(limit);
}

export const REFUND_LIST_PAGE = 50;

/** The refunds due (not yet settled), the settled ones, or every refund. */
export type RefundStatus = 'due' | 'settled';
export const refundStatusWhere = (status: RefundStatus | undefined) =>
  status === 'due' ? isNull(refunds.settledAt) : status === 'settled' ? isNotNull(refunds.settledAt) : undefined;

/**
 * Every refund, newest first, keyset-paged by id (`after` continues past a page's last
 * row): `due` is finance's queue (not yet settled), `settled` the ones paid back in full.
 */
export async function listRefunds(db: DbOrTx, f: { status?: RefundStatus; after?: number }, limit = REFUND_LIST_PAGE) {
  const rows = await db
    .select({ refund: refunds, number: orderFacts.number, fullName: orderFacts.fullName })
    .from(refunds)
    .innerJoin(orderFacts, eq(orderFacts.id, refunds.orderId))
    .where(and(refundStatusWhere(f.status), f.after === undefined ? undefined : lt(refunds.id, f.after)))
    .orderBy(desc(refunds.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? page.at(-1)?.refund.id : undefined };
}

/** The queue's count, capped like the order queues. */
export async function countRefundsDue(db: DbOrTx) {
  const [row] = await db.select({ n: cappedCount(refunds, isNull(refunds.settledAt), QUEUE_COUNT_CAP) }).from(oneRow);
  return row?.n ?? 0;
}

/** The part behind a credit note's verification code, with its order's number. */
export async function findCreditNoteByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ part: refundPayments, number: orderFacts.number, fullName: orderFacts.fullName })
    .from(refundPayments)
    .innerJoin(refunds, eq(refunds.id, refundPayments.refundId))
    .innerJoin(orderFacts, eq(orderFacts.id, refunds.orderId))
    .where(eq(refundPayments.creditNoteCode, code));
  return row;
}
