import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { afterSalesCases, caseLines } from './case.tables.js';

/**
 * The after-sales history of one unit for the public warranty check: case number, type,
 * state and dates only (never who opened it). `serialKey` is already normalized
 * (packing's `serialKey`); the claim's serial is compared the same way.
 */
export async function casesOfSerial(db: DbOrTx, serialKey: string) {
  return db
    .selectDistinct({
      number: afterSalesCases.number,
      type: afterSalesCases.type,
      status: afterSalesCases.status,
      createdAt: afterSalesCases.createdAt,
      closedAt: afterSalesCases.closedAt,
    })
    .from(caseLines)
    .innerJoin(afterSalesCases, eq(afterSalesCases.id, caseLines.caseId))
    .where(sql`upper(trim(${caseLines.serialNumber})) = ${serialKey}`)
    .orderBy(asc(afterSalesCases.createdAt), asc(afterSalesCases.number))
    .limit(50);
}
export type UnitCase = Awaited<ReturnType<typeof casesOfSerial>>[number];
