import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The append-only audit log of staff changes (ADR 0028). `id` is the position in the hash
 * chain (previous id + 1, assigned under a lock), so a deleted row leaves a gap that
 * `npm run audit:verify` reports. A trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** Null for the operator's console (no user). Kept as a snapshot, never a foreign key. */
    actorId: integer(),
    actorName: text().notNull(),
    actorEmail: text().notNull(),
    /** How the change came in, when not the back office: "console", "token <name>". */
    via: text(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
  ],
);
