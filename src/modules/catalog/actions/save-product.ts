import { eq, sql } from 'drizzle-orm';
import { type AuditActor, changedFields, lockAuditChain, recordAudit } from '../../../platform/audit/index.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import type { NewProductFormData, ProductFormData } from '../catalog.inputs.js';
import { products } from '../catalog.tables.js';
import { defaultHsCode } from '../product.rules.js';
import type { ProductInput } from '../product.types.js';
import { adjustStock } from '../stock.repo.js';

/** Never the stock: only the ledger changes it (stock.repo.ts). */
function toColumns(data: ProductFormData): Omit<ProductInput, 'stock'> {
  const { price, ...rest } = data;
  return { ...rest, hsCode: rest.hsCode || defaultHsCode(rest.category), priceCents: price };
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

/** A new product starts at stock 0; its initial stock is the ledger's first row, in the same transaction. */
export async function createProduct(actions: ActionContext, actor: AuditActor, data: NewProductFormData) {
  const actorId = typeof actor === 'object' ? (actor?.id ?? null) : actor;
  const { initialStock, ...product } = data;
  try {
    return await actions.transaction(async (tx) => {
      await lockAuditChain(tx);
      const [row] = await tx.insert(products).values(toColumns(product)).returning({ id: products.id });
      if (initialStock > 0)
        await adjustStock(tx, { productId: row!.id, delta: initialStock, reason: 'initial', note: null, actorId });
      const after = { ...toColumns(product), initialStock };
      await recordAudit(tx, {
        actor,
        action: 'product.create',
        subject: { type: 'product', id: row!.id },
        after,
      });
      return outcome(row!, { catalogChanged: true });
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    clash(err);
  }
}

export async function updateProduct(actions: ActionContext, id: number, data: ProductFormData, actor: AuditActor) {
  try {
    return await actions.transaction(async (tx) => {
      await lockAuditChain(tx);
      const [old] = await tx.select().from(products).where(eq(products.id, id)).for('update');
      const [row] = await tx
        .update(products)
        .set({ ...toColumns(data), updatedAt: sql`now()` })
        .where(eq(products.id, id))
        .returning({ id: products.id });
      if (!row || !old) throw new AppError('NOT_FOUND');
      const diff = changedFields(old, { ...old, ...toColumns(data) });
      await recordAudit(tx, { actor, action: 'product.update', subject: { type: 'product', id }, ...diff });
      return outcome(row, { catalogChanged: true });
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    clash(err);
  }
}
