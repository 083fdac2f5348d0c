import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { afterSalesCases } from './case.tables.js';

/**
 * The repair portal's reads. A center's owner reaches a case only while it is routed to one of
 * their approved centers (`centerIds`, from `ownApprovedCenters`): withdrawn centers and cases
 * taken back drop out of both the list and the page at once.
 */
export async function findCenterCase(db: DbOrTx, number: string, centerIds: readonly number[]) {
  if (!centerIds.length) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select()
    .from(afterSalesCases)
    .where(and(eq(afterSalesCases.number, number), inArray(afterSalesCases.repairCenterId, [...centerIds])));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Cases routed to the centers: those at the center first, then awaiting the unit, then finished; newest first within. */
export function centerCases(db: DbOrTx, centerIds: readonly number[], limit = 200) {
  if (!centerIds.length) return Promise.resolve([]);
  return db
    .select({
      id: afterSalesCases.id,
      number: afterSalesCases.number,
      status: afterSalesCases.status,
      repairCenterId: afterSalesCases.repairCenterId,
      createdAt: afterSalesCases.createdAt,
      unitReceivedAt: afterSalesCases.unitReceivedAt,
      diagnosisDueAt: afterSalesCases.diagnosisDueAt,
      diagnosedAt: afterSalesCases.diagnosedAt,
      repairDueAt: afterSalesCases.repairDueAt,
    })
    .from(afterSalesCases)
    .where(inArray(afterSalesCases.repairCenterId, [...centerIds]))
    .orderBy(
      sql`case ${afterSalesCases.status} when 'at_repair_center' then 0 when 'awaiting_unit' then 1 else 2 end`,
      desc(afterSalesCases.updatedAt),
      desc(afterSalesCases.id),
    )
    .limit(limit);
}
export type CenterCaseRow = Awaited<ReturnType<typeof centerCases>>[number];
