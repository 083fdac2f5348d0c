import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { products } from '../../catalog/index.js';
import { orderLines } from '../order.tables.js';

/** Puts reserved units back on the shelf when an order is cancelled (backordered lines reserved nothing). */
export async function releaseStock(tx: DbOrTx, orderId: number) {
  const lines = await tx
    .select({ productId: orderLines.productId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.backordered, false)));
  for (const l of lines) {
    await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${l.quantity}` })
      .where(eq(products.id, l.productId));
  }
}
