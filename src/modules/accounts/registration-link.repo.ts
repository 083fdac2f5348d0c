import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { registrationLinks } from './account.tables.js';
import { hashToken, newToken } from './link-token.js';

export const REGISTRATION_LINK_HOURS = 24;

type LinkValues = Omit<typeof registrationLinks.$inferInsert, 'tokenHash' | 'createdAt' | 'expiresAt'>;

/** Stores a pending registration; returns the 128-bit token for the link (only its hash is kept). */
export async function insertRegistrationLink(db: DbOrTx, values: LinkValues): Promise<string> {
  const token = newToken();
  await db.insert(registrationLinks).values({
    ...values,
    tokenHash: hashToken(token),
    expiresAt: sql`now() + make_interval(hours => ${REGISTRATION_LINK_HOURS})`,
  });
  return token;
}

/** Claims a link: deletes it and returns what it carried, if it exists and has not expired (one statement, so once). */
export async function takeRegistrationLink(db: DbOrTx, token: string) {
  const [row] = await db
    .delete(registrationLinks)
    .where(and(eq(registrationLinks.tokenHash, hashToken(token)), gt(registrationLinks.expiresAt, sql`now()`)))
    .returning();
  return row;
}

export async function deleteExpiredRegistrationLinks(db: DbOrTx): Promise<void> {
  await db.delete(registrationLinks).where(lt(registrationLinks.expiresAt, sql`now()`));
}
