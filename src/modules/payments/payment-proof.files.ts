import { inArray } from 'drizzle-orm';
import type { FileOwner } from '../../platform/storage.js';
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
