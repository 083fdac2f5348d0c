import { sql } from 'drizzle-orm';
import type { FileOwner } from '../../platform/storage.js';

/** Product pictures live in `products/` and are referenced by their public URL in `products.images`. */
export const productImageFiles: FileOwner = {
  folder: 'products',
  async referenced(db, keys) {
    const urls = keys.map((k) => `/media/${k}`);
    const result = await db.execute(
      sql`select distinct u as url from products, unnest(images) as u where u in ${urls}`,
    );
    return (result as unknown as { rows: { url: string }[] }).rows.map((r) => r.url.slice('/media/'.length));
  },
};
