import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { accountLinks, type LinkPurpose } from './account.tables.js';
import { hashToken, newToken } from './link-token.js';

/** How long each kind of link works (SECURITY.md: short-lived). */
export const LINK_HOURS: Record<LinkPurpose, number> = { password_reset: 1, invitation: 72, email_change: 24 };

type LinkValues = Omit<typeof accountLinks.$inferInsert, 'tokenHash' | 'createdAt' | 'expiresAt'>;

/** Stores a link and returns its token (only the hash is kept). Expired links are swept on the way. */
export async function insertAccountLink(db: DbOrTx, values: LinkValues, now: Date): Promise<string> {
  await db.delete(accountLinks).where(lt(accountLinks.expiresAt, now));
  const token = newToken();
  await db.insert(accountLinks).values({
    ...values,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_HOURS[values.purpose] * 3_600_000),
  });
  return token;
}

const valid = (purpose: LinkPurpose, token: string, now: Date) =>
  and(eq(accountLinks.tokenHash, hashToken(token)), eq(accountLinks.purpose, purpose), gt(accountLinks.expiresAt, now));

/** Whether the link still works (the page behind it shows its form or says it does not). */
export async function findAccountLink(db: DbOrTx, purpose: LinkPurpose, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(accountLinks)
    .where(valid(purpose, token, now));
  return row;
}

/** Claims a link: deletes it and returns it if it was valid, in one statement, so it works once. */
export async function takeAccountLink(db: DbOrTx, purpose: LinkPurpose, token: string, now: Date) {
  const [row] = await db
    .delete(accountLinks)
    .where(valid(purpose, token, now))
    .returning();
  return row;
}

/** Drops a user's other links of a kind (a reset used makes the older reset mails worthless). */
export async function deleteUserLinks(db: DbOrTx, userId: number, purpose: LinkPurpose) {
  await db.delete(accountLinks).where(and(eq(accountLinks.userId, userId), eq(accountLinks.purpose, purpose)));
}

export async function pendingInvitations(db: DbOrTx, now: Date) {
  return db
    .select()
    .from(accountLinks)
    .where(and(eq(accountLinks.purpose, 'invitation'), gt(accountLinks.expiresAt, now)))
    .orderBy(accountLinks.createdAt);
}
