import { type ActionContext, outcome } from '../../../platform/effects.js';
import { orderTopic } from '../../../platform/events.js';
import { notifyCustomer } from '../../accounts/index.js';
import type { Actor } from '../order.machine.js';
import { applyTransition, type Order } from '../order.repo.js';

/** The buyer confirms receipt (`confirmDelivery`), or the sweep does after the delay (`autoComplete`). */
export async function confirmDelivery(actions: ActionContext, order: Order, actor: Actor, now = new Date()) {
  const event = actor.role === 'system' ? 'autoComplete' : 'confirmDelivery';
  return actions.transaction(async (tx) => {
    const updated = await applyTransition(tx, order, event, actor, { set: { closedAt: now }, now });
    await notifyCustomer(tx, order.customerId, {
      subject: 'mail.completed.subject',
      body: 'mail.completed.body',
      params: { number: order.number },
    });
    return outcome(updated, { topics: [orderTopic(order.number)], ordersChanged: true });
  });
}
