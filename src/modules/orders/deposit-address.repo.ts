import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db/client.js';
import { jsonRow } from '../../platform/db/json-rows.js';
import type { Correlated } from '../../platform/db/prepared.js';
import { deriveDepositAddress, type PaymentMethod } from '../payment-methods/index.js';
import { depositAddresses, depositKeys } from './deposit-address.tables.js';
import type { Order } from './order.repo.js';
import { lockOrder } from './order.repo.js';

export type DepositAddress = typeof depositAddresses.$inferSelect;

const ofOrder = (orderId: Correlated<number>, methodId: Correlated<number>) =>
  and(eq(depositAddresses.orderId, orderId), eq(depositAddresses.paymentMethodId, methodId));

/** The order's address for its payment method, as a subquery for the order pages' one statement. */
export const depositAddressSql = (order: { id: Correlated<number>; paymentMethodId: Correlated<number> }) =>
  jsonRow(depositAddresses, ofOrder(order.id, order.paymentMethodId)!);

export async function findDepositAddress(db: DbOrTx, order: Pick<Order, 'id' | 'paymentMethodId'>) {
  const [row] = await db.select().from(depositAddresses).where(ofOrder(order.id, order.paymentMethodId));
  return row;
}

/**
 * Hands the next receive index of the method's key to this order, inside the caller's
 * transaction, which holds the order row (the quote's conditional UPDATE, or lockOrder).
 * The counter moves in one INSERT … ON CONFLICT DO UPDATE … RETURNING: concurrent quotes
 * queue on the key's row and each leaves with its own index, and UNIQUE(key, index) would
 * refuse a second use even if that were ever wrong.
 */
export async function assignDepositAddress(
  tx: Tx,
  order: Pick<Order, 'id' | 'paymentMethodId'>,
  method: Pick<PaymentMethod, 'id' | 'depositNetwork' | 'depositKey'>,
) {
  const { depositNetwork: network, depositKey: key } = method;
  if (!network || !key || method.id !== order.paymentMethodId) return undefined;
  const existing = await findDepositAddress(tx, order);
  if (existing) return existing;
  const [counter] = await tx
    .insert(depositKeys)
    .values({ network, extendedKey: key, nextIndex: 1 })
    .onConflictDoUpdate({
      target: [depositKeys.network, depositKeys.extendedKey],
      set: { nextIndex: sql`${depositKeys.nextIndex} + 1` },
    })
    .returning({ id: depositKeys.id, index: sql<number>`${depositKeys.nextIndex} - 1`.mapWith(Number) });
  const index = counter!.index;
  const [row] = await tx
    .insert(depositAddresses)
    .values({
      orderId: order.id,
      paymentMethodId: method.id,
      depositKeyId: counter!.id,
      derivationIndex: index,
      network,
      address: deriveDepositAddress(network, key, index),
    })
    .returning();
  return row!;
}

/**
 * An order quoted before its method had a key gets its address the first time its payment
 * details are shown. The order row is locked first, so two views at once allocate once.
 */
export async function ensureDepositAddress(
  db: DbOrTx,
  order: Pick<Order, 'id' | 'paymentMethodId'>,
  method: Pick<PaymentMethod, 'id' | 'depositNetwork' | 'depositKey'>,
) {
  if (!method.depositKey) return undefined;
  return db.transaction(async (tx) => {
    await lockOrder(tx, order.id);
    return assignDepositAddress(tx, order, method);
  });
}
