import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { cartLineExists, setCartQuantity } from '../cart.repo.js';

export async function changeCartQuantity(db: DbOrTx, userId: number, productId: number, quantity: number) {
  const updated = await setCartQuantity(db, userId, productId, quantity);
  if (updated !== undefined) return updated;
  if (!(await cartLineExists(db, userId, productId))) throw new AppError('NOT_FOUND');
  throw new AppError('VALIDATION', { fields: { quantity: 'cart.notEnoughStock' } });
}
