import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { cartLineQuantity, setCartQuantity } from '../cart.repo.js';
import { lineQuantityAllowed, MAX_LINE_QUANTITY } from '../cart.rules.js';
import { quantityError } from './add-to-cart.js';

export async function changeCartQuantity(db: DbOrTx, userId: number, productId: number, quantity: number) {
  if (!lineQuantityAllowed(quantity))
    throw quantityError(quantity > MAX_LINE_QUANTITY ? 'field.quantityTooLarge' : 'field.quantityInvalid');
  const updated = await setCartQuantity(db, userId, productId, quantity);
  if (updated !== undefined) return updated;
  if ((await cartLineQuantity(db, userId, productId)) === undefined) throw new AppError('NOT_FOUND');
  throw quantityError('cart.notEnoughStock');
}
