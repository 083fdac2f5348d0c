import { oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { type Order, orderListsSql } from '../orders/index.js';
import { currentUnitsOf, packingEvidenceOf, packingLinesOf } from './packing.repo.js';

/** Everything the packing slip prints: the order's lines, parcels, units in force and shipments. */
export async function loadPackingSlip(db: DbOrTx, order: Order) {
  const [evidence, lines, current, [parts]] = await Promise.all([
    packingEvidenceOf(db, order.id),
    packingLinesOf(db, order.id),
    currentUnitsOf(db, order.id),
    db.select({ shipments: orderListsSql(order, true).shipments }).from(oneRow),
  ]);
  return { order, evidence, lines, current, shipments: parts?.shipments ?? [] };
}
export type PackingSlipData = Awaited<ReturnType<typeof loadPackingSlip>>;
