import type { Db } from '../../../platform/db/client.js';
import { plainText } from '../../../platform/i18n/index.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import { localeOf } from '../../accounts/index.js';
import type { Actor } from '../order.machine.js';
import { applyTransition, type Order } from '../order.repo.js';

/** The buyer confirms receipt (`confirmDelivery`), or the sweep does after the delay (`autoComplete`). */
export async function confirmDelivery(db: Db, order: Order, actor: Actor, now = new Date()) {
  const event = actor.role === 'system' ? 'autoComplete' : 'confirmDelivery';
  return db.transaction(async (tx) => {
    const updated = await applyTransition(tx, order, event, actor, { set: { closedAt: now }, now });
    const locale = await localeOf(tx, order.customerId);
    await enqueueMail(tx, {
      to: order.email,
      subject: plainText(locale, 'mail.completed.subject', { number: order.number }),
      body: plainText(locale, 'mail.completed.body', { number: order.number }),
    });
    return updated;
  });
}
