import type { DbOrTx } from '../../platform/db/client.js';
import { type Order, orderMachine } from '../orders/index.js';
import { currentUnitsOf, packingEvidenceOf, packingLinesOf } from './packing.repo.js';
import { evidenceGaps, evidenceVisibleToBuyer } from './packing.rules.js';

/** Staff see evidence from payment approval on, and on a cancelled order (if any was recorded). */
const withEvidence = (s: Order['status']) => orderMachine.is.paid(s) || s === 'cancelled';

/**
 * The packing evidence an order page shows, or null when there is none to show: buyers
 * see it once shipped; staff from payment approval on (and on a cancelled order only if
 * something was recorded before it was cancelled).
 */
export async function loadPackingPage(db: DbOrTx, order: Order, staff: boolean) {
  if (staff ? !withEvidence(order.status) : !evidenceVisibleToBuyer(order.status)) return null;
  const [evidence, lines, current] = await Promise.all([
    packingEvidenceOf(db, order.id),
    packingLinesOf(db, order.id),
    currentUnitsOf(db, order.id),
  ]);
  if (order.status === 'cancelled' && evidence.parcels.length === 0) return null;
  const parcels = evidence.parcels.map((p) => ({ sealCount: p.sealNumbers.length, fileCount: p.files.length }));
  return { status: order.status, evidence, lines, current, gaps: evidenceGaps({ parcels, lines, units: current }) };
}
export type PackingPageData = NonNullable<Awaited<ReturnType<typeof loadPackingPage>>>;
