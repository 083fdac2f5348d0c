import { and, asc, gt, ilike, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { products } from './catalog.tables.js';

/** One page of products in id order, for the CSV export; `q` is the list's name/SKU search. */
export const productExportPage = (db: DbOrTx, q: string, afterId: number, limit: number) => {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: products.id,
      sku: products.sku,
      slug: products.slug,
      name: products.name,
      brand: products.brand,
      model: products.model,
      category: products.category,
      priceCents: products.priceCents,
      stock: products.stock,
      backorderAllowed: products.backorderAllowed,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(and(gt(products.id, afterId), q ? or(ilike(products.name, like), ilike(products.sku, like)) : undefined))
    .orderBy(asc(products.id))
    .limit(limit);
};
