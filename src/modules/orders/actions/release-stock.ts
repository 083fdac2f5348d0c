import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { releaseOrderStock } from '../../catalog/index.js';
import type { Actor } from '../order.machine.js';
import { orderLines } from '../order.tables.js';

/**
 * Puts reserved units back on the shelf when an order is cancelled (backordered lines
 * reserved nothing), through the catalog's stock ledger, in the caller's transaction.
 */
export async function releaseStock(tx: DbOrTx, order: { id: number; number: string }, actor: Actor) {
  const lines = await tx
    .select({ productId: orderLines.productId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, order.id), eq(orderLines.backordered, false)));
  await releaseOrderStock(tx, { orderNumber: order.number, actorId: actor.userId ?? null }, lines);
}
