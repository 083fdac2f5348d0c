import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { currentUnitsOf, packingLinesOf, parcelCounts } from '../packing.repo.js';
import { evidenceGaps } from '../packing.rules.js';

/** What is still missing before the order may ship (see `evidenceGaps`). */
export async function evidenceGapsOf(db: DbOrTx, orderId: number) {
  const [parcels, lines, units] = await Promise.all([
    parcelCounts(db, orderId),
    packingLinesOf(db, orderId),
    currentUnitsOf(db, orderId),
  ]);
  return evidenceGaps({ parcels, lines, units });
}

/**
 * Called by mark-shipped inside its transaction, after its conditional UPDATE has locked
 * the order row: evidence actions lock the same row, so nothing lands in between.
 */
export async function assertEvidenceComplete(tx: DbOrTx, orderId: number) {
  const [gap] = await evidenceGapsOf(tx, orderId);
  if (gap) throw new AppError('VALIDATION', { fields: { _form: gap } });
}
