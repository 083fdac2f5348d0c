import type { DbOrTx } from '../../../platform/db/client.js';
import { plainText } from '../../../platform/i18n/index.js';
import { enqueueMail, type Mail } from '../../../platform/mail/index.js';
import { activeStaffEmails, localeOf } from '../../accounts/index.js';
import { claimNewlyOverdue } from '../order.repo.js';

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '');

/**
 * Broken or breaking promises, flagged once each by mail (DESIGN §4b "Promises with
 * clocks"): a quote waiting over a day goes to sales, a paid order with no tracking
 * after 4 days to the warehouse, and a payment deadline within 12 hours to the buyer,
 * in their language. The claim is one conditional UPDATE, so concurrent sweeps send one
 * mail; the next transition clears it.
 */
export async function alertOverdueOrders(tx: DbOrTx, now: Date) {
  const overdue = await claimNewlyOverdue(tx, now);
  const mails: Mail[] = [];
  for (const o of overdue) {
    if (o.status === 'awaiting_payment') {
      const locale = await localeOf(tx, o.customerId);
      const p = { number: o.number, due: utc(o.paymentDueAt) };
      mails.push({
        to: o.email,
        subject: plainText(locale, 'mail.paymentDue.subject', p),
        body: plainText(locale, 'mail.paymentDue.body', p),
      });
    } else {
      const quote = o.status === 'awaiting_quote';
      const subject = quote
        ? `Overdue: order ${o.number} waits for its freight quote`
        : `Overdue: order ${o.number} has no tracking number`;
      const body = quote
        ? `Order ${o.number} was submitted ${utc(o.createdAt)} and still waits for its freight quote.`
        : `Payment for order ${o.number} was approved ${utc(o.approvedAt)}; the buyer has no tracking number yet.`;
      for (const to of await activeStaffEmails(tx, [quote ? 'sales' : 'warehouse'])) mails.push({ to, subject, body });
    }
  }
  await enqueueMail(tx, ...mails);
  return overdue.map((o) => o.number);
}
