import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { orders } from '../orders/order.tables.js';
import { paymentProofs } from './payment.tables.js';

export type PaymentProof = typeof paymentProofs.$inferSelect;

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
    .select({ number: orders.number })
    .from(paymentProofs)
    .innerJoin(orders, eq(orders.id, paymentProofs.orderId))
    .where(and(eq(paymentProofs.sha256, sha256), ne(paymentProofs.orderId, orderId)))
    .limit(1);
  return row?.number;
}
