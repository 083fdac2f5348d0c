import type { Tx } from '../../../platform/db/client.js';
import { amount } from '../../../platform/mail/index.js';
import { notifyRoles } from '../../accounts/index.js';
import type { Order } from '../../orders/index.js';
import { findPaymentMethod } from '../../payment-methods/index.js';
import { refundDueFor } from '../refund.rules.js';
import { refunds } from '../refund.tables.js';

/**
 * Runs inside the cancellation's transaction (the orders module calls it through the
 * `onCancelled` hook app.ts passes in): a cancelled order that had received money owes it
 * back. One row per order (unique), so a retried cancellation cannot owe twice. Finance
 * is told in the same transaction. Answers what is owed back, for the buyer's cancellation mail.
 */
export async function createRefundDue(tx: Tx, order: Order): Promise<{ owedBackCents: number }> {
  const cents = refundDueFor(order);
  if (cents === 0) return { owedBackCents: 0 };
  const method = await findPaymentMethod(tx, order.paymentMethodId);
  const [row] = await tx
    .insert(refunds)
    .values({ orderId: order.id, amountCents: cents, methodName: method?.name ?? '—' })
    .onConflictDoNothing()
    .returning();
  if (!row) return { owedBackCents: cents };
  await notifyRoles(tx, ['finance'], {
    subject: 'mail.refundDue.subject',
    body: 'mail.refundDue.body',
    params: { number: order.number, amount: amount(cents), method: row.methodName },
  });
  return { owedBackCents: cents };
}
