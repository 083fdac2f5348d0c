import type { Db } from '../../../platform/db/client.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import type { Actor } from '../order.machine.js';
import { applyTransition, type Order } from '../order.repo.js';
import { releaseStock } from './release-stock.js';

/**
 * Cancels by the customer (`cancelByCustomer`), by staff (`cancelOrder`, admin only
 * once paid) or by the sweep when the payment deadline passed (`expirePayment`).
 * Reserved stock goes back; the customer is told.
 */
export async function cancelOrder(
  db: Db,
  order: Order,
  actor: Actor,
  event: 'cancelByCustomer' | 'cancelOrder' | 'expirePayment',
  reason: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const updated = await applyTransition(tx, order, event, actor, { set: { closedAt: now }, note: reason || undefined, now });
    await releaseStock(tx, order.id);
    await enqueueMail(tx, {
      to: order.email,
      subject: `Order ${order.number} cancelled`,
      body:
        event === 'expirePayment'
          ? `Your order ${order.number} was cancelled because the payment deadline passed. Reply on the order page if you still want the goods.`
          : `Your order ${order.number} was cancelled.${reason ? ` Reason: ${reason}` : ''}`,
    });
    return updated;
  });
}
