import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';

/**
 * Where an admin asked the shop to post its events (ADR 0031). The secret signs every
 * payload (Standard Webhooks), so the shop must be able to read it: it is kept as issued,
 * shown to the admin once, never logged or audited.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    url: text().notNull(),
    description: text().notNull().default(''),
    events: text().array().notNull(),
    secret: text().notNull(),
    enabled: boolean().notNull().default(true),
    /** Why it is off: an admin turned it off, or it failed for a whole retry schedule. */
    disabledReason: text({ enum: ['admin', 'failing'] }),
    disabledAt: timestamp({ withTimezone: true }),
    /** The first failure since its last success; null while it is answering. */
    failingSince: timestamp({ withTimezone: true }),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('webhook_endpoints_events_check', sql`cardinality(${t.events}) > 0`),
    check('webhook_endpoints_reason_check', sql`${t.disabledReason} in ('admin', 'failing')`),
  ],
);

/** One event, written in the transaction of the change it reports; its id is the `webhook-id` header. */
export const webhookMessages = pgTable('webhook_messages', {
  id: text().primaryKey(),
  type: text().notNull(),
  data: jsonb().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The queue: one row per message and endpoint subscribed when it was written. A sweeper in
 * any process claims due rows (`claimed_until`), posts, and records the attempt.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    messageId: text()
      .notNull()
      .references(() => webhookMessages.id),
    endpointId: integer()
      .notNull()
      .references(() => webhookEndpoints.id),
    state: text({ enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).defaultNow(),
    claimedUntil: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('webhook_deliveries_once').on(t.messageId, t.endpointId),
    check('webhook_deliveries_state_check', sql`${t.state} in ('pending', 'delivered', 'failed')`),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
  ],
);

/** The delivery log: every attempt with the answer (status code) or the error, and how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: integer()
      .notNull()
      .references(() => webhookDeliveries.id),
    at: timestamp({ withTimezone: true }).notNull(),
    statusCode: integer(),
    error: text(),
    durationMs: integer().notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)],
);
