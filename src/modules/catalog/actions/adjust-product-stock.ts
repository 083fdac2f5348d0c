import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import type { StockAdjustmentData } from '../catalog.inputs.js';
import { adjustStock } from '../stock.repo.js';

/** "Adjust stock" in the back office: a `manual` ledger row by this staff member, with their note. */
export async function adjustProductStock(db: Db, user: CurrentUser, productId: number, input: StockAdjustmentData) {
  return adjustStock(db, { productId, delta: input.delta, reason: 'manual', note: input.note, actorId: user.id });
}
