import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { products } from './catalog.tables.js';

/** One page of products in id order, for the CSV export. */
export const productExportPage = (db: DbOrTx, afterId: number, limit: number) =>
  db
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
    .where(gt(products.id, afterId))
    .orderBy(asc(products.id))
    .limit(limit);
