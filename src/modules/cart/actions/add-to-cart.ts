import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { findProductById } from '../../catalog/index.js';
import { addCartQuantity } from '../cart.repo.js';

/** Adds a quantity of a product to the user's cart; refuses more than can be sold. */
export async function addToCart(db: DbOrTx, userId: number, productId: number, quantity: number) {
  const newQuantity = await addCartQuantity(db, userId, productId, quantity);
  if (newQuantity !== undefined) return newQuantity;
  // Refused: say why (the product may be gone, or stock too low).
  const product = await findProductById(db, productId);
  if (!product) throw new AppError('NOT_FOUND');
  throw new AppError('VALIDATION', {
    fields: { quantity: product.stock > 0 ? 'cart.notEnoughStock' : 'cart.outOfStock' },
  });
}
