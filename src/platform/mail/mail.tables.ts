import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every e-mail the shop sends, written in the same transaction as the change it
 * reports (so no change is lost and no mail is sent for a rolled-back change).
 * Without SMTP this table is the local outbox admins read at /admin/outbox.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    to: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set while one process is sending it; a stale claim (crash) is retried. */
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (t) => [index('outbox_unsent_idx').on(t.sentAt, t.id)],
);
