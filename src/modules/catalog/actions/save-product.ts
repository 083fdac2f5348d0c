import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { ProductFormData } from '../catalog.inputs.js';
import { products } from '../catalog.tables.js';

function toColumns(data: ProductFormData) {
  const { price, ...rest } = data;
  return { ...rest, priceCents: price };
}

/** Unique slug/SKU clashes come back as field errors, decided by the database constraint. */
function clash(err: unknown): never {
  const msg = String(
    (err as { message?: string; cause?: { message?: string } })?.cause?.message ?? (err as Error)?.message,
  );
  if (msg.includes('products_slug_unique')) throw new AppError('VALIDATION', { fields: { slug: 'field.slugTaken' } });
  if (msg.includes('products_sku_unique')) throw new AppError('VALIDATION', { fields: { sku: 'field.skuTaken' } });
  throw err;
}

export async function createProduct(db: Db, data: ProductFormData) {
  try {
    const [row] = await db.insert(products).values(toColumns(data)).returning({ id: products.id });
    return row!;
  } catch (err) {
    clash(err);
  }
}

export async function updateProduct(db: Db, id: number, data: ProductFormData) {
  try {
    const rows = await db
      .update(products)
      .set({ ...toColumns(data), updatedAt: sql`now()` })
      .where(eq(products.id, id))
      .returning({ id: products.id });
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return rows[0];
  } catch (err) {
    if (err instanceof AppError) throw err;
    clash(err);
  }
}
