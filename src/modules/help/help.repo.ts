import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { helpPages } from './help.tables.js';

export async function findHelpOverride(db: DbOrTx, slug: string, locale: string) {
  const [row] = await db
    .select()
    .from(helpPages)
    .where(and(eq(helpPages.slug, slug), eq(helpPages.locale, locale)));
  return row;
}

export async function listHelpOverrides(db: DbOrTx) {
  return db.select({ slug: helpPages.slug, locale: helpPages.locale, updatedAt: helpPages.updatedAt }).from(helpPages);
}

export async function upsertHelpOverride(db: DbOrTx, slug: string, locale: string, markdown: string, userId: number) {
  await db
    .insert(helpPages)
    .values({ slug, locale, markdown, updatedBy: userId })
    .onConflictDoUpdate({
      target: [helpPages.slug, helpPages.locale],
      set: { markdown, updatedBy: userId, updatedAt: sql`now()` },
    });
}

export async function deleteHelpOverride(db: DbOrTx, slug: string, locale: string) {
  await db.delete(helpPages).where(and(eq(helpPages.slug, slug), eq(helpPages.locale, locale)));
}
