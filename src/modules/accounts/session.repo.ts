import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { sessions, users } from './account.tables.js';

export const SESSION_DAYS = 14;
const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

/** A new 128-bit session id; the caller puts it in the cookie, the database keeps its hash. */
export async function createSession(db: DbOrTx, userId: number): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await db.insert(sessions).values({
    idHash: hashId(id),
    userId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  return id;
}

export async function findSessionUser(db: DbOrTx, id: string): Promise<CurrentUser | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, fullName: users.fullName, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, hashId(id)), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)));
  return row;
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashId(id)));
}
