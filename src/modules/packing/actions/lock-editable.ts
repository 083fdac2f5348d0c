import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { lockOrderStatus } from '../packing.repo.js';
import { evidenceEditable } from '../packing.rules.js';

/**
 * Locks the order and decides whether evidence may be added: the stored correction
 * reason (null while packing), or an error. An order in another state never shows the
 * forms, so reaching this is a stale page: a conflict, as for other stale actions.
 */
export async function lockEditable(tx: DbOrTx, orderId: number, reason: string | undefined): Promise<string | null> {
  const check = evidenceEditable(await lockOrderStatus(tx, orderId), reason);
  if (check.ok) return check.correction ? reason!.trim() : null;
  if (check.code === 'packing.closed') throw new AppError('CONFLICT', { detail: check.code });
  throw new AppError('VALIDATION', { fields: { reason: check.code } });
}
