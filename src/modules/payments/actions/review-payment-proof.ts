import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/index.js';
import type { Tx } from '../../../platform/db/client.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { orderTopic } from '../../../platform/events.js';
import { amount } from '../../../platform/mail/index.js';
import { notifyCustomer } from '../../accounts/index.js';
import {
  type Actor,
  applyTransition,
  lockOrder,
  type Order,
  orderMachine,
  recordPayment,
  snapshotOf,
} from '../../orders/index.js';
import { emitWebhookEvent } from '../../webhooks/index.js';
import { paymentProofs } from '../payment.tables.js';

async function pendingLeft(tx: Tx, orderId: number) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentProofs)
    .where(and(eq(paymentProofs.orderId, orderId), eq(paymentProofs.status, 'pending')));
  return row?.n ?? 0;
}

/**
 * Paid in full: the proofs still waiting are no longer needed, and the order (now out of
 * review) could never take their decision, so they are closed with it, not left pending for
 * ever. No money is counted for them; each keeps its file and amount, and is audited.
 */
async function supersedePending(tx: Tx, number: string, orderId: number, by: number, actor: Actor, now: Date) {
  const closed = await tx
    .update(paymentProofs)
    .set({ status: 'superseded', reviewedBy: actor.userId, reviewedAt: now })
    .where(and(eq(paymentProofs.orderId, orderId), eq(paymentProofs.status, 'pending')))
    .returning({ id: paymentProofs.id, amountCents: paymentProofs.amountCents });
  for (const p of closed)
    await recordAudit(tx, {
      actor: actor.userId ?? null,
      action: 'payment.review',
      subject: { type: 'payment-proof', id: p.id },
      before: { status: 'pending' },
      after: { status: 'superseded', order: number, amountCents: p.amountCents, paidInFullBy: by },
    });
}

/**
 * Finance decides one proof. Approval adds its amount to what is paid; the machine's
 * guards then pick the next state: the order moves on when approved payments cover the
 * total, partly paid goes back to awaiting payment with the balance shown (once no
 * other proof is still waiting for a decision). The proof's own status change is conditional,
 * so two finance clicks cannot count a payment twice. The order row is locked first:
 * two proofs of one order decided at once are then decided one after the other, and
 * the second sees the first as decided, so the last decision moves the order on. The
 * approval that pays in full marks the other pending proofs `superseded` (ADR "superseded proofs").
 */
export async function reviewPaymentProof(
  actions: ActionContext,
  loaded: Order,
  proofId: number,
  actor: Actor,
  decision: { approve: true } | { approve: false; reason: string },
  now = new Date(),
) {
  return actions.transaction(async (tx) => {
    const order = await lockOrder(tx, loaded.id);
    if (order.status !== 'payment_review') throw new AppError('CONFLICT');
    const [proof] = await tx
      .update(paymentProofs)
      .set({
        status: decision.approve ? 'approved' : 'rejected',
        reviewedBy: actor.userId,
        reviewedAt: now,
        rejectReason: decision.approve ? null : decision.reason,
      })
      .where(
        and(eq(paymentProofs.id, proofId), eq(paymentProofs.orderId, order.id), eq(paymentProofs.status, 'pending')),
      )
      .returning();
    if (!proof) throw new AppError('CONFLICT');
    await recordAudit(tx, {
      actor: actor.userId ?? null,
      action: 'payment.review',
      subject: { type: 'payment-proof', id: proof.id },
      before: { status: 'pending' },
      after: { status: proof.status, order: order.number, amountCents: proof.amountCents, reason: proof.rejectReason },
    });
    const pending = await pendingLeft(tx, order.id);
    const changed = { topics: [orderTopic(order.number)], ordersChanged: true };

    if (!decision.approve) {
      if (pending === 0) await applyTransition(tx, order, 'rejectPayment', actor, { note: decision.reason, now });
      await notifyCustomer(tx, order.customerId, {
        subject: 'mail.proofRejected.subject',
        body: 'mail.proofRejected.body',
        params: { number: order.number, reference: proof.reference, reason: decision.reason },
      });
      return outcome(undefined, changed);
    }

    const paidCents = await recordPayment(tx, order.id, proof.amountCents);
    const snapshot = { ...snapshotOf(order), paidCents };
    const next = orderMachine.decide(snapshot, ['approvePayment', 'approvePartialPayment'], actor, now);
    if (!next.ok) throw new AppError(next.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT', { detail: next.reason });
    const full = orderMachine.is.paid(next.to);
    if (full || pending === 0) {
      await applyTransition(tx, order, next.event, actor, { snapshot, set: full ? { approvedAt: now } : {}, now });
    }
    await emitWebhookEvent(tx, {
      type: 'payment.approved',
      data: { number: order.number, proofId: proof.id, amountCents: proof.amountCents, paidCents, paidInFull: full },
    });
    if (full && pending > 0) await supersedePending(tx, order.number, order.id, proof.id, actor, now);
    const balance = (snapshot.totalCents ?? 0) - snapshot.paidCents;
    const key = full ? 'mail.paymentApproved' : 'mail.partPayment';
    await notifyCustomer(tx, order.customerId, {
      subject: `${key}.subject`,
      body: `${key}.body`,
      params: { number: order.number, amount: amount(proof.amountCents), balance: amount(balance) },
    });
    return outcome(undefined, changed);
  });
}
