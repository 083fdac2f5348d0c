import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { reencodeImage } from '../../../platform/images.js';
import type { Storage } from '../../../platform/storage.js';
import { products } from '../catalog.tables.js';

const allowed = new Set(['jpg', 'png', 'webp']);
export const MAX_IMAGES = 8;

/** Stores an uploaded product picture; its type is decided by its bytes, never its name. */
export async function addProductImage(db: Db, storage: Storage, productId: number, bytes: Buffer) {
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !allowed.has(type.ext)) throw new AppError('VALIDATION', { fields: { image: 'field.imageType' } });
  // Shown to every buyer: re-encoded, without the original's metadata.
  const stored = await storage.put(Readable.from(await reencodeImage(bytes)), 'products', 'webp');
  const url = `/media/${stored.key}`;
  const rows = await db
    .update(products)
    .set({ images: sql`array_append(${products.images}, ${url})`, updatedAt: sql`now()` })
    .where(sql`${products.id} = ${productId} and cardinality(${products.images}) < ${MAX_IMAGES}`)
    .returning({ id: products.id });
  if (!rows[0]) {
    await storage.remove(stored.key);
    const [exists] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId));
    throw exists ? new AppError('VALIDATION', { fields: { image: 'field.tooManyImages' } }) : new AppError('NOT_FOUND');
  }
}

export async function removeProductImage(db: Db, productId: number, url: string) {
  await db
    .update(products)
    .set({ images: sql`array_remove(${products.images}, ${url})`, updatedAt: sql`now()` })
    .where(eq(products.id, productId));
}
