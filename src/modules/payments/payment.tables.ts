import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';
import { orders } from '../orders/order.tables.js';

/** Payment methods configured by finance (bank wire, USDT, BTC, L/C, …). */
export const paymentMethods = pgTable('payment_methods', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull(),
  instructions: text().notNull(),
  accountDetails: text().notNull(),
  // 64-bit like the order totals they are compared with.
  minOrderCents: bigint({ mode: 'number' }),
  maxOrderCents: bigint({ mode: 'number' }),
  largeOrderOnly: boolean().notNull().default(false),
  active: boolean().notNull().default(true),
  sortOrder: integer().notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const proofStatuses = ['pending', 'approved', 'rejected'] as const;

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
    check('payment_proofs_status_check', sql`status in ('pending', 'approved', 'rejected')`),
    index('payment_proofs_order_idx').on(t.orderId),
    index('payment_proofs_sha_idx').on(t.sha256),
    // The same file twice on one order (double click, retry) is one proof.
    uniqueIndex('payment_proofs_order_sha_idx').on(t.orderId, t.sha256),
  ],
);

export const methodChangeStatuses = ['pending', 'confirmed', 'cancelled'] as const;

/**
 * Proposed changes to a method's account details. Swapped bank details are the
 * commonest fraud in this trade, so a change applies only when a second admin
 * confirms it; at most one change per method is pending at a time.
 */
export const paymentMethodChanges = pgTable(
  'payment_method_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    paymentMethodId: integer()
      .notNull()
      .references(() => paymentMethods.id, { onDelete: 'cascade' }),
    previousDetails: text().notNull(),
    proposedDetails: text().notNull(),
    proposedBy: integer()
      .notNull()
      .references(() => users.id),
    status: text({ enum: methodChangeStatuses }).notNull().default('pending'),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payment_method_changes_status_check', sql`status in ('pending', 'confirmed', 'cancelled')`),
    check(
      'payment_method_changes_decider_check',
      sql`decided_by is null or decided_by <> proposed_by or status = 'cancelled'`,
    ),
    uniqueIndex('payment_method_changes_one_pending_idx').on(t.paymentMethodId).where(sql`status = 'pending'`),
  ],
);
