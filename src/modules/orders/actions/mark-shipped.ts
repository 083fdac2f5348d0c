import { type ActionContext, outcome } from '../../../platform/effects.js';
import { orderTopic } from '../../../platform/events.js';
import { notifyCustomer } from '../../accounts/index.js';
import { assertEvidenceComplete } from '../../packing/index.js';
import type { Actor } from '../order.machine.js';
import { applyTransition, type Order } from '../order.repo.js';
import { trackingUrl } from '../order.rules.js';
import { shipments } from '../order.tables.js';

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
    await tx
      .insert(shipments)
      .values(trackingNumbers.map((trackingNumber) => ({ orderId: order.id, carrier, trackingNumber })));
    const links = trackingNumbers.map((n) => `${carrier} ${n} ${trackingUrl(carrier, n) ?? ''}`.trim()).join('\n');
    await notifyCustomer(tx, order.customerId, {
      subject: 'mail.shipped.subject',
      body: 'mail.shipped.body',
      params: { number: order.number, links },
    });
    return outcome(updated, { topics: [orderTopic(order.number)] });
  });
}
