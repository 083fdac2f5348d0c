import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { isStaff } from '../../../platform/auth/roles.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { orderTopic } from '../../../platform/events.js';
import { notifyCustomer, notifyRoles } from '../../accounts/index.js';
import type { Order } from '../order.repo.js';
import { orderMessages } from '../order.tables.js';

/** A message on the order's thread; staff may write internal notes the buyer never sees. */
export async function postMessage(
  actions: ActionContext,
  order: Order,
  author: CurrentUser,
  body: string,
  internal: boolean,
) {
  const fromStaff = isStaff(author.role);
  return actions.transaction(async (tx) => {
    await tx
      .insert(orderMessages)
      .values({ orderId: order.id, authorId: author.id, fromStaff, internal: fromStaff && internal, body });
    // The message itself goes as it was written; only the subject is in the reader's language.
    if (fromStaff && !internal)
      await notifyCustomer(tx, order.customerId, (w) => ({
        subject: w.t('mail.staffMessage.subject', { number: order.number }),
        body,
      }));
    else if (!fromStaff)
      await notifyRoles(tx, ['sales', 'support'], (w) => ({
        subject: w.t('mail.customerMessage.subject', { number: order.number }),
        body,
      }));
    return outcome(undefined, { topics: [orderTopic(order.number)] });
  });
}
