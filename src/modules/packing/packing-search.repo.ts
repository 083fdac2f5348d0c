import { desc, ilike } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/contains.js';
import { orderNumberOf } from '../orders/index.js';
import { packingUnits } from './packing.tables.js';

/** Packed units whose serial number contains `q` (replaced units too: a claim may quote either), newest first. */
export async function searchSerials(db: DbOrTx, q: string, limit = 10) {
  const matches = db
    .select({
      orderNumber: orderNumberOf(packingUnits.orderId).as('order_number'),
      serialNumber: packingUnits.serialNumber,
      createdAt: packingUnits.createdAt,
    })
    .from(packingUnits)
    .where(ilike(packingUnits.serialNumber, containsPattern(q)))
    .limit(50)
    .as('matches');
  return db.select().from(matches).orderBy(desc(matches.createdAt)).limit(limit);
}
