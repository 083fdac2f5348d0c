import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orders } from '../orders/order.tables.js';

/**
 * The customs papers of a shipment (commercial invoice and packing list share one
 * number and one verification code), issued on first download and never changed.
 */
export const customsPapers = pgTable('customs_papers', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  orderId: integer()
    .notNull()
    .unique()
    .references(() => orders.id, { onDelete: 'cascade' }),
  code: text().notNull().unique(),
  issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
