import { lockAuditChain, recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import type { StockAdjustmentData } from '../catalog.inputs.js';
import { adjustStock } from '../stock.repo.js';

/** "Adjust stock" in the back office: a `manual` ledger row by this staff member, with their note. */
export async function adjustProductStock(
  actions: ActionContext,
  user: CurrentUser,
  productId: number,
  input: StockAdjustmentData,
) {
  return actions.transaction(async (tx) => {
    await lockAuditChain(tx);
    const stock = await adjustStock(tx, {
      productId,
      delta: input.delta,
      reason: 'manual',
      note: input.note,
      actorId: user.id,
    });
    const after = { delta: input.delta, note: input.note, stock };
    await recordAudit(tx, { actor: user, action: 'stock.adjust', subject: { type: 'product', id: productId }, after });
    return outcome(stock, { catalogChanged: true });
  });
}
