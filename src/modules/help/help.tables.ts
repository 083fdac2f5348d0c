import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';

/** Admin-edited help prose, per page and locale; a missing row means the default from the module. */
export const helpPages = pgTable(
  'help_pages',
  {
    slug: text().notNull(),
    locale: text().notNull(),
    markdown: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.slug, t.locale] }),
    check('help_pages_markdown_check', sql`length(markdown) <= 20000`),
  ],
);
