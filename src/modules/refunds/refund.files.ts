import { inArray } from 'drizzle-orm';
import type { FileOwner } from '../../platform/storage.js';
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
