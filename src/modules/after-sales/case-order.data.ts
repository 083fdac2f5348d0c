import type { DbOrTx } from '../../platform/db/client.js';
import { casesOfOrder, claimableLines } from './case.repo.js';
import { orderEligible } from './case.rules.js';

/**
 * What an order page needs from after-sales: whether to offer "Request after-sales
 * service" and the order's cases. Imported by the orders module by file (the index
 * would import the orders module back).
 */
export async function afterSalesOfOrder(
  db: DbOrTx,
  order: { id: number; status: string; closedAt: Date | null },
  now = new Date(),
) {
  if (order.status !== 'completed') return { eligible: false, cases: [] };
  const [lines, cases] = await Promise.all([claimableLines(db, order.id), casesOfOrder(db, order.id)]);
  return {
    eligible: orderEligible(
      order,
      lines.map((l) => l.warrantyDays),
      now,
    ),
    cases,
  };
}
export type OrderAfterSales = Awaited<ReturnType<typeof afterSalesOfOrder>>;
