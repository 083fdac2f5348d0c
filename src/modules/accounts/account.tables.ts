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
    phone: text(),
    lastLoginAt: timestamp({ withTimezone: true }),
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
    /** The browser it was opened in, so the owner can tell their sessions apart. */
    userAgent: text(),
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

export const linkPurposes = ['password_reset', 'invitation', 'email_change'] as const;
export type LinkPurpose = (typeof linkPurposes)[number];

/**
 * E-mailed single-use links other than registration: a password reset, a staff invitation, a
 * change of e-mail address. Only the token's SHA-256 is stored; following the link deletes
 * the row in the statement that checks it, so it works once.
 */
export const accountLinks = pgTable(
  'account_links',
  {
    tokenHash: text().primaryKey(),
    purpose: text({ enum: linkPurposes }).notNull(),
    /** The account it acts on (none yet for an invitation). */
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    /** Invitation: the invitee's address; e-mail change: the new address. */
    email: text().notNull(),
    fullName: text(),
    role: text({ enum: roles }),
    locale: text({ enum: locales }).notNull().default('en'),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('account_links_user_idx').on(t.userId),
    index('account_links_expires_idx').on(t.expiresAt),
    check('account_links_purpose_check', sql.raw(`purpose in (${linkPurposes.map((p) => `'${p}'`).join(', ')})`)),
  ],
);

/** A staff member's TOTP (RFC 6238) secret; `lastStep` is the newest time-step used, so no code works twice. */
export const secondFactors = pgTable('second_factors', {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text().notNull(),
  lastStep: bigint({ mode: 'number' }).notNull(),
  enabledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes (SHA-256 of high-entropy codes), ten at enrolment. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * A login half done: the password was right, the second factor (or its enrolment) is still
 * owed. Not a session: it opens no page, only the two-factor step, and lasts minutes.
 */
export const loginChallenges = pgTable('login_challenges', {
  tokenHash: text().primaryKey(),
  userId: integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Set while enrolling: the secret shown as a QR code, kept only once a code from it is typed. */
  pendingSecret: text(),
  next: text(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

export const userChangeKinds = [
  'invited',
  'joined',
  'role',
  'disabled',
  'enabled',
  'resetLinkSent',
  'passwordReset',
  'secondFactorReset',
] as const;
export type UserChangeKind = (typeof userChangeKinds)[number];

/** Who changed which account, when and how: append-only (nothing updates or deletes it). */
export const userChanges = pgTable(
  'user_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer().references(() => users.id),
    userId: integer().references(() => users.id),
    email: text().notNull(),
    kind: text({ enum: userChangeKinds }).notNull(),
    detail: text(),
  },
  (t) => [
    index('user_changes_at_idx').on(t.at),
    check('user_changes_kind_check', sql.raw(`kind in (${userChangeKinds.map((k) => `'${k}'`).join(', ')})`)),
  ],
);
