import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { jsonRows } from '../../platform/db/json-rows.js';
import type { Correlated } from '../../platform/db/prepared.js';
import { orderNumberOf } from '../orders/index.js';
import { paymentProofs, type proofStatuses } from './payment.tables.js';

export type PaymentProof = typeof paymentProofs.$inferSelect;

/** An order's proofs as a subquery, for a page that loads several modules' lists in one statement. */
export const proofsOfOrderSql = (orderId: Correlated<number>) =>
  jsonRows(paymentProofs, eq(paymentProofs.orderId, orderId));

export async function findProof(db: DbOrTx, orderId: number, proofId: number) {
  const [row] = await db
    .select()
    .from(paymentProofs)
    .where(and(eq(paymentProofs.orderId, orderId), eq(paymentProofs.id, proofId)));
  return row;
}

/** The number of another order that already used a file with this hash, if any. */
export async function orderUsingHash(db: DbOrTx, sha256: string, orderId: number) {
  const [row] = await db
    .select({ number: orderNumberOf(paymentProofs.orderId) })
    .from(paymentProofs)
    .where(and(eq(paymentProofs.sha256, sha256), ne(paymentProofs.orderId, orderId)))
    .limit(1);
  return row?.number;
}

/**
 * Proofs across orders, newest first, keyset-paged by id: finance's queue of proofs waiting
 * for review (`pending`), or those already decided.
 */
export async function listProofs(
  db: DbOrTx,
  filter: { status?: (typeof proofStatuses)[number]; before?: number },
  limit = 50,
) {
  return db
    .select({
      id: paymentProofs.id,
      orderNumber: orderNumberOf(paymentProofs.orderId),
      status: paymentProofs.status,
      amountCents: paymentProofs.amountCents,
      reference: paymentProofs.reference,
      paidOn: paymentProofs.paidOn,
      duplicateOfOrder: paymentProofs.duplicateOfOrder,
      sha256: paymentProofs.sha256,
      createdAt: paymentProofs.createdAt,
    })
    .from(paymentProofs)
    .where(
      and(
        filter.status ? eq(paymentProofs.status, filter.status) : undefined,
        filter.before ? lt(paymentProofs.id, filter.before) : undefined,
      ),
    )
    .orderBy(desc(paymentProofs.id))
    .limit(limit);
}
