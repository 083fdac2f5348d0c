import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Order } from '../../orders/index.js';
import { findProformaByOrder, insertProformaIfAbsent } from '../proforma.repo.js';
import { piAvailable, verificationCodeFrom } from '../proforma.rules.js';

/**
 * The order's PI, issued on its first view: number and code are assigned once and never
 * change. An order without a known total, or cancelled before any PI was issued, has none.
 * The insert is one conditional statement, so two first views at once still give one PI.
 */
export async function issueProforma(db: DbOrTx, order: Order) {
  const existing = await findProformaByOrder(db, order.id);
  if (existing) return existing;
  if (!piAvailable(order, false) || order.totalCents === null) throw new AppError('NOT_FOUND');
  for (let attempt = 0; attempt < 3; attempt++) {
    // This insert or a concurrent first view issued it; nothing found means the random
    // code collided with another PI's (about 2^-50): draw another.
    const row = await insertProformaIfAbsent(db, {
      orderId: order.id,
      code: verificationCodeFrom(randomBytes(10)),
      totalCents: order.totalCents,
      buyerName: order.fullName,
      validUntil: order.quoteValidUntil,
    });
    if (row) return row;
  }
  throw new AppError('CONFLICT');
}
