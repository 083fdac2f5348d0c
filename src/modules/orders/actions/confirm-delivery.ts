import type { Db } from '../../../platform/db/client.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import type { Actor } from '../order.machine.js';
import { applyTransition, type Order } from '../order.repo.js';

/** The buyer confirms receipt (`confirmDelivery`), or the sweep does after the delay (`autoComplete`). */
export async function confirmDelivery(db: Db, order: Order, actor: Actor, now = new Date()) {
  const event = actor.role === 'system' ? 'autoComplete' : 'confirmDelivery';
  return db.transaction(async (tx) => {
    const updated = await applyTransition(tx, order, event, actor, { set: { closedAt: now }, now });
    await enqueueMail(tx, {
      to: order.email,
      subject: `Order ${order.number} completed`,
      body: `Order ${order.number} is completed. After-sales service is available from the order page within the warranty.`,
    });
    return updated;
  });
}
