import type { DbOrTx } from '../../../platform/db/client.js';
import { utcMinute } from '../../../platform/mail/index.js';
import { notifyCustomer, notifyRoles } from '../../accounts/index.js';
import { claimNewlyOverdue } from '../order.repo.js';

const utc = (d: Date | null) => (d ? utcMinute(d) : '');

/**
 * Broken or breaking promises, flagged once each by mail (DESIGN §4b "Promises with
 * clocks"): a quote waiting over a day goes to sales, a paid order with no tracking
 * after 4 days to the warehouse, and a payment deadline within 12 hours to the buyer,
 * in their language. The claim is one conditional UPDATE, so concurrent sweeps send one
 * mail; the next transition clears it.
 */
export async function alertOverdueOrders(tx: DbOrTx, now: Date) {
  const overdue = await claimNewlyOverdue(tx, now);
  for (const o of overdue) {
    if (o.status === 'awaiting_payment') {
      const due = o.paymentDueAt ? `${utcMinute(o.paymentDueAt)} UTC` : '';
      await notifyCustomer(tx, o.customerId, {
        subject: 'mail.paymentDue.subject',
        body: 'mail.paymentDue.body',
        params: { number: o.number, due },
      });
    } else if (o.status === 'awaiting_quote') {
      await notifyRoles(tx, ['sales'], {
        subject: 'mail.overdueQuote.subject',
        body: 'mail.overdueQuote.body',
        params: { number: o.number, at: utc(o.createdAt) },
      });
    } else {
      await notifyRoles(tx, ['warehouse'], {
        subject: 'mail.overdueTracking.subject',
        body: 'mail.overdueTracking.body',
        params: { number: o.number, at: utc(o.approvedAt) },
      });
    }
  }
  return overdue.map((o) => o.number);
}
