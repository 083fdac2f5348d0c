import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';

/**
 * Staff API tokens (ADR 0027). Only the SHA-256 of the token is kept; the token itself is
 * shown once. A token acts as the admin who made it, limited to its roles, and stops working
 * when it expires, is revoked, or its maker is disabled. The per-minute window is counted on
 * the row by the same statement that authenticates a request.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    /** The first characters, so an admin can tell tokens apart without the secret. */
    prefix: text().notNull(),
    roles: text().array().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: integer().references(() => users.id),
    lastUsedAt: timestamp({ withTimezone: true }),
    windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
    windowHits: integer().notNull().default(0),
  },
  (t) => [
    check('api_tokens_roles_check', sql`cardinality(${t.roles}) > 0`),
    index('api_tokens_created_idx').on(t.createdAt),
  ],
);

/**
 * Idempotency keys of POSTs, per actor ("token:<id>" or "user:<id>"): the request's hash and,
 * once answered, the stored answer. A row without a status is a request still running.
 */
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    actor: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    status: smallint(),
    body: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actor, t.key] }), index('api_idempotency_created_idx').on(t.createdAt)],
);
