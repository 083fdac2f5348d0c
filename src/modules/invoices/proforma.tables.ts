import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orders } from '../orders/order.tables.js';

/**
 * One proforma invoice per order, issued on first view and never changed: the row is
 * the snapshot the public verify page compares against (number, date, total, buyer).
 */
export const proformaInvoices = pgTable(
  'proforma_invoices',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .unique()
      .references(() => orders.id),
    /** PI-<year>-<6 digits> from proforma_number_seq: never reused. */
    number: text().notNull().unique(),
    /** Random verification code printed on the PI and in its QR code. */
    code: text().notNull().unique(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    validUntil: timestamp({ withTimezone: true }),
    totalCents: bigint({ mode: 'number' }).notNull(),
    buyerName: text().notNull(),
  },
  () => [check('proforma_invoices_total_check', sql`total_cents >= 0`)],
);

export const proformaNumberSeq = pgSequence('proforma_number_seq');
