import { z } from 'zod';
import { MAX_LINE_QUANTITY } from './cart.rules.js';

export const quantity = z.coerce
  .number({ message: 'field.quantityInvalid' })
  .int({ message: 'field.quantityInvalid' })
  .min(1, { message: 'field.quantityInvalid' })
  .max(MAX_LINE_QUANTITY, { message: 'field.quantityTooLarge' });

export const addItemInput = z.object({
  productId: z.coerce.number().int().positive(),
  quantity: z.preprocess((v) => (v === '' ? undefined : v), quantity),
});

export const setQuantityInput = z.object({ quantity: z.preprocess((v) => (v === '' ? undefined : v), quantity) });
