import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';
import { products } from '../catalog/catalog.tables.js';
import { orderStates } from './order.machine.js';
import { shippingMethods } from './order.rules.js';

const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const orders = pgTable(
  'orders',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    number: text().notNull().unique(),
    customerId: integer()
      .notNull()
      .references(() => users.id),
    status: text({ enum: orderStates }).notNull().default('awaiting_quote'),
    shippingMethod: text({ enum: shippingMethods }).notNull(),
    paymentMethodId: integer().notNull(),
    fullName: text().notNull(),
    phone: text().notNull(),
    email: text().notNull(),
    country: text().notNull(),
    city: text().notNull(),
    address: text().notNull(),
    postalCode: text().notNull(),
    /** The buyer's company and tax ID as entered at checkout: printed on the PI and the customs papers. */
    company: text().notNull().default(''),
    taxId: text().notNull().default(''),
    cryptoAcknowledged: boolean().notNull().default(false),
    // 64-bit: up to 10,000 units a line at up to US$1,000,000 each passes 2^31 cents.
    goodsCents: bigint({ mode: 'number' }).notNull(),
    freightCents: bigint({ mode: 'number' }),
    totalCents: bigint({ mode: 'number' }),
    paidCents: bigint({ mode: 'number' }).notNull().default(0),
    quoteNote: text(),
    quotedAt: timestamp({ withTimezone: true }),
    quoteValidUntil: timestamp({ withTimezone: true }),
    paymentDueAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    completeReminderSentAt: timestamp({ withTimezone: true }),
    /** When the broken promise (overdue) was flagged by mail; cleared by every transition. */
    overdueAlertedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('orders_status_check', oneOf('status', orderStates)),
    check(
      'orders_money_check',
      sql`goods_cents >= 0 and (freight_cents is null or freight_cents >= 0) and paid_cents >= 0`,
    ),
    index('orders_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('orders_status_idx').on(t.status, t.updatedAt, t.id),
    index('orders_created_idx').on(t.createdAt, t.id),
    // The overdue badge's three promises, each a small partial index (see order.repo.ts).
    index('orders_overdue_quote_idx').on(t.createdAt).where(sql`status = 'awaiting_quote'`),
    index('orders_overdue_payment_idx').on(t.paymentDueAt).where(sql`status = 'awaiting_payment'`),
    index('orders_overdue_tracking_idx').on(t.approvedAt).where(sql`status = 'ready_to_ship'`),
    // The dashboard's time to ship and tracking promise read the orders paid in a period.
    index('orders_approved_idx').on(t.approvedAt).where(sql`approved_at is not null`),
    // The back-office search finds buyers' names and e-mails in orderContactValues, then their orders here.
    index('orders_email_idx').on(t.email),
    index('orders_full_name_idx').on(t.fullName),
  ],
);

/**
 * Every buyer name and e-mail written on an order, once each (a trigger adds them, see
 * migration): the back-office search matches a key against these few distinct values with
 * their trigram index, then reads the orders by equality. A trigram index on the orders
 * themselves would list each customer's values once per order, and a key such as an e-mail
 * shares most trigrams with every other one ("@", the domain), so each search would decode
 * posting lists as long as the table (ADR 0017). Values are never removed: one no longer on
 * any order only costs a lookup that finds nothing.
 */
export const orderContactValues = pgTable('order_contact_values', {
  value: text().primaryKey(),
});

/** A snapshot of each line at submission: later catalog edits never change an order. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: integer()
      .notNull()
      .references(() => products.id),
    sku: text().notNull(),
    name: text().notNull(),
    hsCode: text().notNull(),
    listPriceCents: integer().notNull(),
    /** Sales may adjust a line price when quoting; the list price stays on record. */
    unitPriceCents: integer().notNull(),
    quantity: integer().notNull(),
    weightGrams: integer().notNull(),
    needsTesting: boolean().notNull(),
    backordered: boolean().notNull(),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId), check('order_lines_quantity_check', sql`quantity > 0`)],
);

/** Append-only: the timeline (public rows) and the audit log (all rows). Nothing updates or deletes it. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    event: text().notNull(),
    fromStatus: text(),
    toStatus: text().notNull(),
    actorId: integer().references(() => users.id),
    actorRole: text().notNull(),
    /** How the actor acted when not in person, e.g. "token ERP sync" (an API token). */
    via: text(),
    note: text(),
    public: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);

/** The order's thread; internal notes are staff-only rows. */
export const orderMessages = pgTable(
  'order_messages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    fromStaff: boolean().notNull(),
    internal: boolean().notNull().default(false),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_messages_order_idx').on(t.orderId, t.id)],
);

export const shipments = pgTable(
  'shipments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    carrier: text().notNull(),
    trackingNumber: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('shipments_order_idx').on(t.orderId)],
);

/** Idempotency: one order per submitted form token (double click, retry after timeout). */
export const orderSubmissions = pgTable('order_submissions', {
  token: text().primaryKey(),
  userId: integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  orderId: integer().references(() => orders.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The buyer's last shipping address, offered again at the next order. */
export const savedAddresses = pgTable('saved_addresses', {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  fullName: text().notNull(),
  phone: text().notNull(),
  country: text().notNull(),
  city: text().notNull(),
  address: text().notNull(),
  postalCode: text().notNull(),
  company: text().notNull().default(''),
  taxId: text().notNull().default(''),
});

/** Order numbers HC-<year>-<6 digits>, never reused. */
export const orderNumberSeq = pgSequence('order_number_seq');
