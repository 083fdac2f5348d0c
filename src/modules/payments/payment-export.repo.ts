import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { orderNumberOf } from '../orders/index.js';
import { paymentProofs, type proofStatuses } from './payment.tables.js';

type ProofStatus = (typeof proofStatuses)[number];

/** One page of payment proofs in id order for the CSV export: those in one review state, or all. */
export const paymentExportPage = (db: DbOrTx, status: ProofStatus | undefined, afterId: number, limit: number) =>
  db
    .select({
      id: paymentProofs.id,
      order: orderNumberOf(paymentProofs.orderId),
      amountCents: paymentProofs.amountCents,
      reference: paymentProofs.reference,
      paidOn: paymentProofs.paidOn,
      status: paymentProofs.status,
      rejectReason: paymentProofs.rejectReason,
      duplicateOfOrder: paymentProofs.duplicateOfOrder,
      sha256: paymentProofs.sha256,
      createdAt: paymentProofs.createdAt,
      reviewedAt: paymentProofs.reviewedAt,
    })
    .from(paymentProofs)
    .where(and(status && eq(paymentProofs.status, status), gt(paymentProofs.id, afterId)))
    .orderBy(asc(paymentProofs.id))
    .limit(limit);
