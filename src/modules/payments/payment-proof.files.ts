import { inArray } from 'drizzle-orm';
import type { FileOwner } from '../../platform/storage.js';
import { defineUploadPolicy, MAX_IMAGE_PIXELS } from '../../platform/upload-policy.js';
import { paymentProofs } from './payment.tables.js';

/** Payment proofs are kept in `proofs/`; the orphan sweep asks which keys still have a proof row. */
export const proofFiles: FileOwner = {
  folder: 'proofs',
  async referenced(db, keys) {
    const rows = await db
      .select({ key: paymentProofs.fileKey })
      .from(paymentProofs)
      .where(inArray(paymentProofs.fileKey, keys));
    return rows.map((r) => r.key);
  },
};

/**
 * Proofs are evidence finance checks byte for byte (and by hash across orders), shown only
 * to their uploader and staff: the original is kept, never re-encoded, but still pixel-limited
 * so that opening one cannot exhaust a reviewer's browser.
 */
export const proofUploadPolicy = defineUploadPolicy({
  maxBytes: { photo: 10 * 1024 * 1024, pdf: 10 * 1024 * 1024 },
  maxPixels: MAX_IMAGE_PIXELS,
  images: 'keep',
  messages: {
    badType: 'proof.badType',
    tooLarge: 'proof.tooLarge',
    tooManyPixels: 'upload.tooManyPixels',
    unreadable: 'field.imageUnreadable',
  },
});
