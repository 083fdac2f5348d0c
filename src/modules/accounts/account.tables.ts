import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { roles } from '../../platform/auth/roles.js';
import { locales } from '../../platform/i18n/index.js';

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull().unique(),
    fullName: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: roles }).notNull().default('customer'),
    active: boolean().notNull().default(true),
    /** The language of the shop when they registered or last switched it: their e-mails use it. */
    locale: text({ enum: locales }).notNull().default('en'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check('users_role_check', sql.raw(`role in (${roles.map((r) => `'${r}'`).join(', ')})`)),
    check('users_locale_check', sql.raw(`locale in (${locales.map((l) => `'${l}'`).join(', ')})`)),
  ],
);

/** Server-side sessions; only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Process-independent secrets (CSRF HMAC key), created once per database. */
export const appSecrets = pgTable('app_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
});

/**
 * Fixed-window attempt counters per client address and per account (e-mail), shared
 * by every app process through the database (keys like `login:ip:…`, `login:account:…`).
 */
export const attemptCounters = pgTable('attempt_counters', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
  hits: integer().notNull().default(1),
});

/**
 * A registration waiting for its e-mail link (single-use, short-lived, only the token's
 * SHA-256 stored). The account is created when the link is followed, so registering never
 * tells whether an address already has an account, and nobody can claim someone else's
 * address. The pending cart item and the page to go on to travel with it.
 */
export const registrationLinks = pgTable(
  'registration_links',
  {
    tokenHash: text().primaryKey(),
    email: text().notNull(),
    fullName: text().notNull(),
    passwordHash: text().notNull(),
    locale: text({ enum: locales }).notNull().default('en'),
    next: text(),
    addProduct: integer(),
    // Kept as asked (up to 15 digits), so the cart refuses an oversized quantity with its message.
    addQuantity: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('registration_links_expires_idx').on(t.expiresAt),
    check('registration_links_locale_check', sql.raw(`locale in (${locales.map((l) => `'${l}'`).join(', ')})`)),
  ],
);
