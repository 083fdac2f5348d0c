import type { Db } from '../../../platform/db/client.js';
import { plainText } from '../../../platform/i18n/index.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import { localeOf } from '../../accounts/index.js';
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
    const updated = await applyTransition(tx, order, event, actor, {
      set: { closedAt: now },
      note: reason || undefined,
      now,
    });
    await releaseStock(tx, order, actor);
    const locale = await localeOf(tx, order.customerId);
    const p = { number: order.number, reason };
    await enqueueMail(tx, {
      to: order.email,
      subject: plainText(locale, 'mail.cancelled.subject', p),
      body:
        event === 'expirePayment'
          ? plainText(locale, 'mail.cancelled.expired', p)
          : [plainText(locale, 'mail.cancelled.body', p), reason && plainText(locale, 'mail.reason', p)]
              .filter(Boolean)
              .join(' '),
    });
    return updated;
  });
}
