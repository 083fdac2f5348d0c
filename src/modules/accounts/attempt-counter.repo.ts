import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { attemptCounters } from './account.tables.js';

/**
 * Counts one attempt against every key (e.g. the client IP and the account) in their
 * 15-minute windows, in one statement, and returns the highest count so far. Counting comes
 * before the check it guards, so a burst of parallel guesses cannot all slip under the limit.
 * Keys are sorted so two statements always lock shared rows in the same order.
 */
export async function countAttempts(db: DbOrTx, keys: string[]): Promise<number> {
  const expired = sql`${attemptCounters.windowStart} < now() - interval '15 minutes'`;
  const rows = await db
    .insert(attemptCounters)
    .values([...new Set(keys)].sort().map((key) => ({ key })))
    .onConflictDoUpdate({
      target: attemptCounters.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${attemptCounters.hits} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${attemptCounters.windowStart} end`,
      },
    })
    .returning({ hits: attemptCounters.hits });
  return Math.max(1, ...rows.map((r) => r.hits));
}

/** Takes back an attempt that turned out right (a correct login is not an attempt). */
export async function refundAttempts(db: DbOrTx, keys: string[]): Promise<void> {
  await db
    .update(attemptCounters)
    .set({ hits: sql`greatest(${attemptCounters.hits} - 1, 0)` })
    .where(inArray(attemptCounters.key, keys));
}

/** Forgets the attempts counted against these keys (a new password ends an account's lock). */
export async function clearAttempts(db: DbOrTx, keys: string[]): Promise<void> {
  await db.delete(attemptCounters).where(inArray(attemptCounters.key, keys));
}

/** The counters one attempt on a form is charged to: its client address and the account it names. */
export type AttemptForm = 'login' | 'register' | 'reset' | 'totp' | 'password';
export const attemptKeys = (form: AttemptForm, ip: string, email: string) => [
  `${form}:ip:${ip}`,
  accountAttemptKey(form, email),
];
export const accountAttemptKey = (form: AttemptForm, email: string) => `${form}:account:${email.trim().toLowerCase()}`;
