import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { orderNumberOf } from '../orders/index.js';
import { refunds } from './refund.tables.js';

/** One page of refunds (due and settled) in id order, for the CSV export. */
export const refundExportPage = (db: DbOrTx, afterId: number, limit: number) =>
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
    .where(gt(refunds.id, afterId))
    .orderBy(asc(refunds.id))
    .limit(limit);
