import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { isStaff } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/client.js';
import { plainText } from '../../../platform/i18n/index.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import { activeStaffEmails, localeOf } from '../../accounts/index.js';
import type { Order } from '../order.repo.js';
import { orderMessages } from '../order.tables.js';

/** A message on the order's thread; staff may write internal notes the buyer never sees. */
export async function postMessage(db: Db, order: Order, author: CurrentUser, body: string, internal: boolean) {
  const fromStaff = isStaff(author.role);
  return db.transaction(async (tx) => {
    await tx
      .insert(orderMessages)
      .values({ orderId: order.id, authorId: author.id, fromStaff, internal: fromStaff && internal, body });
    if (fromStaff && !internal) {
      const subject = plainText(await localeOf(tx, order.customerId), 'mail.staffMessage.subject', {
        number: order.number,
      });
      await enqueueMail(tx, { to: order.email, subject, body });
    } else if (!fromStaff) {
      const staff = await activeStaffEmails(tx, ['sales', 'support']);
      await enqueueMail(tx, ...staff.map((to) => ({ to, subject: `Customer message on ${order.number}`, body })));
    }
  });
}
