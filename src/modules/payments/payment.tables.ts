import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';
import { orders } from '../orders/order.tables.js';

/** `superseded`: still pending when another proof paid the order in full, so never needed (no money counted). */
export const proofStatuses = ['pending', 'approved', 'rejected', 'superseded'] as const;

export const paymentProofs = pgTable(
  'payment_proofs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    uploadedBy: integer()
      .notNull()
      .references(() => users.id),
    fileKey: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    reference: text().notNull(),
    paidOn: text().notNull(),
    status: text({ enum: proofStatuses }).notNull().default('pending'),
    /** Another order already used a file with the same hash: flagged to finance. */
    duplicateOfOrder: text(),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    rejectReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payment_proofs_amount_check', sql`amount_cents > 0`),
    check('payment_proofs_status_check', sql`status in ('pending', 'approved', 'rejected', 'superseded')`),
    index('payment_proofs_order_idx').on(t.orderId),
    index('payment_proofs_sha_idx').on(t.sha256),
    // The dashboard's money approved per day.
    index('payment_proofs_approved_idx').on(t.reviewedAt).where(sql`status = 'approved'`),
    // The same file twice on one order (double click, retry) is one proof.
    uniqueIndex('payment_proofs_order_sha_idx').on(t.orderId, t.sha256),
  ],
);
