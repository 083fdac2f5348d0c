import type { Db } from '../../../platform/db/client.js';
import { plainText } from '../../../platform/i18n/index.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import { localeOf } from '../../accounts/index.js';
import { type Actor, applyTransition, type Order, recordShipments } from '../../orders/index.js';
import { trackingUrl } from '../../shipping/index.js';
import { assertEvidenceComplete } from './check-evidence.js';

/**
 * Warehouse ships: one or more parcels, each with a tracking number. Refused until the
 * packing evidence is complete, checked after the UPDATE has locked the order row.
 */
export async function markShipped(
  db: Db,
  order: Order,
  actor: Actor,
  carrier: string,
  trackingNumbers: string[],
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const updated = await applyTransition(tx, order, 'markShipped', actor, {
      set: { shippedAt: now },
      note: `${carrier}: ${trackingNumbers.join(', ')}`,
      now,
    });
    await assertEvidenceComplete(tx, order.id);
    await recordShipments(tx, order.id, carrier, trackingNumbers);
    const links = trackingNumbers.map((n) => `${carrier} ${n} ${trackingUrl(carrier, n) ?? ''}`.trim()).join('\n');
    const locale = await localeOf(tx, order.customerId);
    await enqueueMail(tx, {
      to: order.email,
      subject: plainText(locale, 'mail.shipped.subject', { number: order.number }),
      body: plainText(locale, 'mail.shipped.body', { number: order.number, links }),
    });
    return updated;
  });
}
