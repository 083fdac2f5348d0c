import { eq, sql } from 'drizzle-orm';
import { type AuditActor, lockAuditChain, recordAudit } from '../../../platform/audit/index.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import type { Storage } from '../../../platform/storage.js';
import { defineUploadPolicy, MAX_IMAGE_PIXELS, requireUpload, storeUpload } from '../../../platform/upload-policy.js';
import { products } from '../catalog.tables.js';

export const MAX_IMAGES = 8;

/** Product pictures are shown to every buyer: only the re-encoded WebP, without metadata, is kept. */
export const productImagePolicy = defineUploadPolicy({
  maxBytes: { photo: 5 * 1024 * 1024 },
  maxPixels: MAX_IMAGE_PIXELS,
  images: 'replace',
  messages: {
    badType: 'field.imageType',
    tooLarge: 'field.fileTooLarge',
    tooManyPixels: 'upload.tooManyPixels',
    unreadable: 'field.imageUnreadable',
  },
});

/** Stores an uploaded product picture under the product image policy. */
export async function addProductImage(
  actions: ActionContext,
  storage: Storage,
  productId: number,
  bytes: Buffer,
  actor: AuditActor,
) {
  const checked = await requireUpload(bytes, productImagePolicy, 'image');
  const stored = await storeUpload(storage, 'products', checked, productImagePolicy);
  const url = `/media/${stored.key}`;
  const added = await actions.transaction(async (tx) => {
    await lockAuditChain(tx);
    const rows = await tx
      .update(products)
      .set({ images: sql`array_append(${products.images}, ${url})`, updatedAt: sql`now()` })
      .where(sql`${products.id} = ${productId} and cardinality(${products.images}) < ${MAX_IMAGES}`)
      .returning({ id: products.id });
    if (!rows[0]) return outcome(false);
    const subject = { type: 'product', id: productId } as const;
    await recordAudit(tx, { actor, action: 'product.image.add', subject, after: { image: url } });
    return outcome(true, { catalogChanged: true });
  });
  if (!added) {
    await storage.remove(stored.key);
    const [exists] = await actions.db.select({ id: products.id }).from(products).where(eq(products.id, productId));
    throw exists ? new AppError('VALIDATION', { fields: { image: 'field.tooManyImages' } }) : new AppError('NOT_FOUND');
  }
}

export async function removeProductImage(actions: ActionContext, productId: number, url: string, actor: AuditActor) {
  await actions.transaction(async (tx) => {
    await lockAuditChain(tx);
    await tx
      .update(products)
      .set({ images: sql`array_remove(${products.images}, ${url})`, updatedAt: sql`now()` })
      .where(eq(products.id, productId));
    const subject = { type: 'product', id: productId } as const;
    await recordAudit(tx, { actor, action: 'product.image.remove', subject, before: { image: url } });
    return outcome(undefined, { catalogChanged: true });
  });
}
