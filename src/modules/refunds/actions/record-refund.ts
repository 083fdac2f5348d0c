import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { orderTopic } from '../../../platform/events.js';
import { amount } from '../../../platform/mail/index.js';
import type { Storage } from '../../../platform/storage.js';
import { receiptPolicy, requireUpload, storeUpload } from '../../../platform/upload-policy.js';
import { notifyCustomer } from '../../accounts/index.js';
import { verificationCodeFrom } from '../../invoices/index.js';
import type { Order } from '../../orders/index.js';
import { emitWebhookEvent } from '../../webhooks/index.js';
import { findRefundOfOrder } from '../refund.repo.js';
import { fitsRemaining } from '../refund.rules.js';
import { refundPayments, refunds } from '../refund.tables.js';

export interface RefundRecord {
  bytes: Buffer;
  amountCents: number;
  reference: string;
  refundedOn: string;
  toAccount: string;
}

const overDue = () => new AppError('VALIDATION', { fields: { amount: 'refund.overDue' } });

/**
 * Records one transfer back to the buyer and issues its credit note. Over-refund is
 * impossible: the amount is added by one conditional UPDATE (it takes the refund's row
 * lock, so a concurrent recording waits and re-checks the condition against the new
 * total), and the table's CHECK refuses what slips past. A refused part stores nothing:
 * the file written beforehand is removed again.
 */
export async function recordRefund(
  actions: ActionContext,
  storage: Storage,
  order: Order,
  user: CurrentUser,
  input: RefundRecord,
) {
  const checked = await requireUpload(input.bytes, receiptPolicy, 'proof');
  const owed = await findRefundOfOrder(actions.db, order.id);
  if (!owed) throw new AppError('NOT_FOUND');
  // Refused before the file is written; the UPDATE below decides under the row lock.
  if (!fitsRemaining(owed, input.amountCents)) throw overDue();
  const stored = await storeUpload(storage, 'refunds', checked, receiptPolicy);
  try {
    return await actions.transaction(async (tx) => {
      const [refund] = await tx
        .update(refunds)
        .set({
          refundedCents: sql`${refunds.refundedCents} + ${input.amountCents}`,
          settledAt: sql`case when ${refunds.refundedCents} + ${input.amountCents} = ${refunds.amountCents} then now() end`,
        })
        .where(
          and(eq(refunds.id, owed.id), sql`${refunds.refundedCents} + ${input.amountCents} <= ${refunds.amountCents}`),
        )
        .returning();
      if (!refund) throw overDue();
      const [part] = await tx
        .insert(refundPayments)
        .values({
          refundId: refund.id,
          amountCents: input.amountCents,
          reference: input.reference,
          refundedOn: input.refundedOn,
          toAccount: input.toAccount,
          fileKey: stored.key,
          mimeType: stored.mimeType,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          recordedBy: user.id,
          creditNoteNumber: sql`'CN-' || to_char(now() at time zone 'UTC', 'YYYY') || '-' || lpad(nextval('credit_note_number_seq')::text, 6, '0')`,
          creditNoteCode: verificationCodeFrom(randomBytes(10)),
        })
        .returning();
      if (!part) throw new Error('refund part not stored');
      const { amountCents, reference, refundedOn, toAccount, creditNoteNumber } = part;
      const after = { order: order.number, amountCents, reference, refundedOn, toAccount, creditNoteNumber };
      await recordAudit(tx, {
        actor: user,
        action: 'refund.record',
        subject: { type: 'refund', id: refund.id },
        after,
      });
      await emitWebhookEvent(tx, {
        type: 'refund.recorded',
        data: { number: order.number, amountCents, refundedCents: refund.refundedCents, creditNote: creditNoteNumber },
      });
      await notifyCustomer(tx, order.customerId, {
        subject: 'mail.refundRecorded.subject',
        body: 'mail.refundRecorded.body',
        params: {
          number: order.number,
          amount: amount(input.amountCents),
          reference: input.reference,
          date: input.refundedOn,
          creditNote: part.creditNoteNumber,
        },
      });
      return outcome(part, { topics: [orderTopic(order.number)] });
    });
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
}
