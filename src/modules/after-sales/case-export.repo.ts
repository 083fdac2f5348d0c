import { and, asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { orderNumberOf } from '../orders/index.js';
import { type CaseQueueFilter, caseQueueWhere } from './case.repo.js';
import { afterSalesCases } from './case.tables.js';

/** One page of after-sales cases in id order, for the CSV export: one queue's, or every case. */
export const caseExportPage = (db: DbOrTx, queue: CaseQueueFilter | undefined, afterId: number, limit: number) =>
  db
    .select({
      id: afterSalesCases.id,
      number: afterSalesCases.number,
      order: orderNumberOf(afterSalesCases.orderId),
      type: afterSalesCases.type,
      status: afterSalesCases.status,
      resolution: afterSalesCases.resolution,
      createdAt: afterSalesCases.createdAt,
      closedAt: afterSalesCases.closedAt,
    })
    .from(afterSalesCases)
    .where(and(queue && caseQueueWhere(queue), gt(afterSalesCases.id, afterId)))
    .orderBy(asc(afterSalesCases.id))
    .limit(limit);
