import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { findProductById } from '../../catalog/index.js';
import { addCartQuantity, cartLineQuantity } from '../cart.repo.js';
import { lineQuantityAllowed, MAX_LINE_QUANTITY } from '../cart.rules.js';

export const quantityError = (
  field: 'field.quantityInvalid' | 'field.quantityTooLarge' | 'cart.notEnoughStock' | 'cart.outOfStock',
) => new AppError('VALIDATION', { fields: { quantity: field } });

/**
 * Adds a quantity of a product to the user's cart; refuses more than can be sold or
 * more than a line may hold. The product page, login and registration all come here.
 */
export async function addToCart(db: DbOrTx, userId: number, productId: number, quantity: number) {
  if (!lineQuantityAllowed(quantity))
    throw quantityError(quantity > MAX_LINE_QUANTITY ? 'field.quantityTooLarge' : 'field.quantityInvalid');
  const newQuantity = await addCartQuantity(db, userId, productId, quantity);
  if (newQuantity !== undefined) return newQuantity;
  // Refused: say why (the product may be gone, the line full, or stock too low).
  const [product, current] = await Promise.all([
    findProductById(db, productId),
    cartLineQuantity(db, userId, productId),
  ]);
  if (!product) throw new AppError('NOT_FOUND');
  if ((current ?? 0) + quantity > MAX_LINE_QUANTITY) throw quantityError('field.quantityTooLarge');
  throw quantityError(product.stock > 0 ? 'cart.notEnoughStock' : 'cart.outOfStock');
}
