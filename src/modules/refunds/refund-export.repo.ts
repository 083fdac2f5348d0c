import { and, asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { orderNumberOf } from '../orders/index.js';
import { type RefundStatus, refundStatusWhere } from './refund.repo.js';
import { refunds } from './refund.tables.js';

/** One page of refunds in id order for the CSV export: the due ones, the settled ones, or both. */
export const refundExportPage = (db: DbOrTx, status: RefundStatus | undefined, afterId: number, limit: number) =>
  db
    .select({
      id: refunds.id,
      order: orderNumberOf(refunds.orderId),
      amountCents: refunds.amountCents,
      refundedCents: refunds.refundedCents,
      methodName: refunds.methodName,
      createdAt: refunds.createdAt,
      settledAt: refunds.settledAt,
    })
    .from(refunds)
    .where(and(refundStatusWhere(status), gt(refunds.id, afterId)))
    .orderBy(asc(refunds.id))
    .limit(limit);
