import type { Db } from '../../../platform/db/client.js';
import { notifyCustomer } from '../../accounts/index.js';
import type { Actor } from '../order.machine.js';
import { applyTransition, type Order } from '../order.repo.js';

/** The buyer confirms receipt (`confirmDelivery`), or the sweep does after the delay (`autoComplete`). */
export async function confirmDelivery(db: Db, order: Order, actor: Actor, now = new Date()) {
  const event = actor.role === 'system' ? 'autoComplete' : 'confirmDelivery';
  return db.transaction(async (tx) => {
    const updated = await applyTransition(tx, order, event, actor, { set: { closedAt: now }, now });
    await notifyCustomer(tx, order.customerId, {
      subject: 'mail.completed.subject',
      body: 'mail.completed.body',
      params: { number: order.number },
    });
    return updated;
  });
}
