import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';
import { orders } from '../orders/order.tables.js';

/**
 * What the shop owes a buyer after cancelling an order it had received money for: one row
 * per order, created in the cancellation's transaction. `refunded_cents` only grows, by
 * one conditional update per recorded refund, and the CHECK makes an over-refund
 * impossible even for code that forgets the condition.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .unique()
      .references(() => orders.id),
    /** What was received (the order's approved payments) when it was cancelled. */
    amountCents: bigint({ mode: 'number' }).notNull(),
    refundedCents: bigint({ mode: 'number' }).notNull().default(0),
    /** The payment method's name at cancellation: the money goes back the way it came. */
    methodName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when the last part is recorded: the queue is the rows where this is null. */
    settledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('refunds_amount_check', sql`amount_cents > 0 and refunded_cents >= 0 and refunded_cents <= amount_cents`),
    index('refunds_open_idx').on(t.createdAt).where(sql`settled_at is null`),
  ],
);

/** One transfer back to the buyer (a refund may be paid in parts), each with its credit note. */
export const refundPayments = pgTable(
  'refund_payments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    refundId: integer()
      .notNull()
      .references(() => refunds.id),
    amountCents: bigint({ mode: 'number' }).notNull(),
    reference: text().notNull(),
    refundedOn: text().notNull(),
    /** The account or wallet the money was sent to, as finance sent it. */
    toAccount: text().notNull(),
    fileKey: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    recordedBy: integer()
      .notNull()
      .references(() => users.id),
    /** CN-<year>-<6 digits> from credit_note_number_seq: never reused. */
    creditNoteNumber: text().notNull().unique(),
    /** Random verification code printed on the credit note, the PI's scheme. */
    creditNoteCode: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('refund_payments_amount_check', sql`amount_cents > 0`),
    index('refund_payments_refund_idx').on(t.refundId),
  ],
);

export const creditNoteNumberSeq = pgSequence('credit_note_number_seq');
