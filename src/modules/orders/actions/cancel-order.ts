import { type ActionContext, outcome } from '../../../platform/effects.js';
import { orderTopic } from '../../../platform/events.js';
import { amount } from '../../../platform/mail/index.js';
import { notifyCustomer } from '../../accounts/index.js';
import type { Actor } from '../order.machine.js';
import { applyTransition, type Order } from '../order.repo.js';
import type { OrderHooks } from '../order-hooks.port.js';
import { releaseStock } from './release-stock.js';

/**
 * Cancels by the customer (`cancelByCustomer`), by staff (`cancelOrder`, admin only
 * once paid) or by the sweep when the payment deadline passed (`expirePayment`).
 * Reserved stock goes back; the customer is told, and the order's open pages update.
 * `hooks.onCancelled` runs in the same transaction (a refund due when money was received).
 */
export async function cancelOrder(
  actions: ActionContext,
  order: Order,
  actor: Actor,
  event: 'cancelByCustomer' | 'cancelOrder' | 'expirePayment',
  reason: string,
  hooks: OrderHooks,
  now = new Date(),
) {
  return actions.transaction(async (tx) => {
    const updated = await applyTransition(tx, order, event, actor, {
      set: { closedAt: now },
      note: reason || undefined,
      now,
    });
    await releaseStock(tx, order, actor);
    const { owedBackCents } = await hooks.onCancelled(tx, updated);
    const p = { number: order.number, reason, amount: amount(owedBackCents) };
    await notifyCustomer(tx, order.customerId, (w) => ({
      subject: w.t('mail.cancelled.subject', p),
      body: [
        ...(event === 'expirePayment'
          ? [w.t('mail.cancelled.expired', p)]
          : [w.t('mail.cancelled.body', p), reason && w.t('mail.reason', p)]),
        owedBackCents > 0 && w.t('mail.cancelled.owedBack', p),
      ]
        .filter(Boolean)
        .join(' '),
    }));
    // The released stock shows on the storefront again.
    return outcome(updated, { topics: [orderTopic(order.number)], catalogChanged: true, ordersChanged: true });
  });
}
