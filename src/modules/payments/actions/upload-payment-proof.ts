import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { orderTopic } from '../../../platform/events.js';
import { amount } from '../../../platform/mail/index.js';
import type { Storage } from '../../../platform/storage.js';
import { receiptPolicy, requireUpload, storeUpload } from '../../../platform/upload-policy.js';
import { notifyRoles } from '../../accounts/index.js';
import { applyTransition, lockOrder, type Order } from '../../orders/index.js';
import { emitWebhookEvent } from '../../webhooks/index.js';
import { paymentProofs } from '../payment.tables.js';
import { orderUsingHash } from '../payment-proof.repo.js';

export interface ProofUpload {
  bytes: Buffer;
  amountCents: number;
  reference: string;
  paidOn: string;
}

/**
 * Stores a payment proof and moves the order to review. The proof upload policy decides
 * what is accepted (type by the file's bytes, size, pixels); the file is stored before
 * the row that references it, and removed again if the transaction fails. The same file twice on one order is one proof;
 * a file already used on another order is flagged to finance.
 */
export async function uploadPaymentProof(
  actions: ActionContext,
  storage: Storage,
  loaded: Order,
  user: CurrentUser,
  upload: ProofUpload,
) {
  if (upload.bytes.length === 0) throw new AppError('VALIDATION', { fields: { proof: 'proof.empty' } });
  const checked = await requireUpload(upload.bytes, receiptPolicy, 'proof');
  const stored = await storeUpload(storage, 'proofs', checked, receiptPolicy);
  try {
    return await actions.transaction(async (tx) => {
      // Locked like a review: a proof arriving while finance decides the last pending one
      // either counts as pending for that decision or sees the order it left behind.
      const order = await lockOrder(tx, loaded.id);
      const duplicateOfOrder = (await orderUsingHash(tx, stored.sha256, order.id)) ?? null;
      const [proof] = await tx
        .insert(paymentProofs)
        .values({
          orderId: order.id,
          uploadedBy: user.id,
          fileKey: stored.key,
          mimeType: stored.mimeType,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          amountCents: upload.amountCents,
          reference: upload.reference,
          paidOn: upload.paidOn,
          duplicateOfOrder,
        })
        .onConflictDoNothing()
        .returning();
      if (!proof) {
        await storage.remove(stored.key); // already uploaded: the first copy stands
        return outcome({ duplicateUpload: true });
      }
      await emitWebhookEvent(tx, {
        type: 'payment_proof.submitted',
        data: { number: order.number, proofId: proof.id, amountCents: proof.amountCents, duplicateOfOrder },
      });
      if (order.status !== 'payment_review') {
        await applyTransition(
          tx,
          order,
          'submitPaymentProof',
          { role: user.role, userId: user.id },
          { note: upload.reference },
        );
      }
      await notifyRoles(tx, ['finance'], {
        subject: duplicateOfOrder ? 'mail.proofUploaded.subjectReused' : 'mail.proofUploaded.subject',
        body: duplicateOfOrder ? ['mail.proofUploaded.body', 'mail.proofUploaded.reused'] : 'mail.proofUploaded.body',
        params: {
          number: order.number,
          amount: amount(upload.amountCents),
          reference: upload.reference,
          other: duplicateOfOrder ?? '',
        },
      });
      return outcome({ duplicateUpload: false }, { topics: [orderTopic(order.number)], ordersChanged: true });
    });
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
}
