import { type ActionContext, outcome } from '../../../platform/effects.js';
import { orderTopic } from '../../../platform/events.js';
import { notifyCustomer } from '../../accounts/index.js';
import { type Actor, applyTransition, type Order, recordShipments } from '../../orders/index.js';
import { trackingUrl } from '../../shipping/index.js';
import { emitWebhookEvent } from '../../webhooks/index.js';
import { assertEvidenceComplete } from './check-evidence.js';

/**
 * Warehouse ships: one or more parcels, each with a tracking number. Refused until the
 * packing evidence is complete, checked after the UPDATE has locked the order row.
 */
export async function markShipped(
  actions: ActionContext,
  order: Order,
  actor: Actor,
  carrier: string,
  trackingNumbers: string[],
  now = new Date(),
) {
  return actions.transaction(async (tx) => {
    const updated = await applyTransition(tx, order, 'markShipped', actor, {
      set: { shippedAt: now },
      note: `${carrier}: ${trackingNumbers.join(', ')}`,
      now,
    });
    await assertEvidenceComplete(tx, order.id);
    await recordShipments(tx, order.id, carrier, trackingNumbers);
    await emitWebhookEvent(tx, { type: 'order.shipped', data: { number: order.number, carrier, trackingNumbers } });
    const links = trackingNumbers.map((n) => `${carrier} ${n} ${trackingUrl(carrier, n) ?? ''}`.trim()).join('\n');
    await notifyCustomer(tx, order.customerId, {
      subject: 'mail.shipped.subject',
      body: 'mail.shipped.body',
      params: { number: order.number, links },
    });
    return outcome(updated, { topics: [orderTopic(order.number)], ordersChanged: true });
  });
}
