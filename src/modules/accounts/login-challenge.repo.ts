import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { loginChallenges } from './account.tables.js';
import { hashToken, newToken } from './link-token.js';

/** Minutes between a right password and its second factor (or enrolment). */
export const CHALLENGE_MINUTES = 10;

export async function createChallenge(
  db: DbOrTx,
  values: { userId: number; pendingSecret: string | null; next: string | null },
  now: Date,
): Promise<string> {
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
  const token = newToken();
  await db.insert(loginChallenges).values({
    ...values,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
  });
  return token;
}

const live = (token: string, now: Date) =>
  and(eq(loginChallenges.tokenHash, hashToken(token)), gt(loginChallenges.expiresAt, now));

export async function findChallenge(db: DbOrTx, token: string, now: Date) {
  const [row] = await db.select().from(loginChallenges).where(live(token, now));
  return row;
}

/** Ends the challenge once its factor was given (one statement: two tabs cannot both finish it). */
export async function takeChallenge(db: DbOrTx, token: string, now: Date) {
  const [row] = await db.delete(loginChallenges).where(live(token, now)).returning();
  return row;
}

/** A half-done login must not survive a new password, a reset second factor or a disabled account. */
export async function deleteUserChallenges(db: DbOrTx, userId: number) {
  await db.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
}
