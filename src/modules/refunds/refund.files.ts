import { inArray } from 'drizzle-orm';
import type { FileOwner } from '../../platform/storage.js';
import { defineUploadPolicy, MAX_IMAGE_PIXELS } from '../../platform/upload-policy.js';
import { refundPayments } from './refund.tables.js';

/** Proofs of refunds are kept in `refunds/`; the orphan sweep asks which keys still have a row. */
export const refundFiles: FileOwner = {
  folder: 'refunds',
  async referenced(db, keys) {
    const rows = await db
      .select({ key: refundPayments.fileKey })
      .from(refundPayments)
      .where(inArray(refundPayments.fileKey, keys));
    return rows.map((r) => r.key);
  },
};

/**
 * A refund's proof is evidence like a payment proof (the bank's transfer receipt): the
 * original is kept byte for byte, seen only by the buyer and staff, pixel-limited.
 */
export const refundProofPolicy = defineUploadPolicy({
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
