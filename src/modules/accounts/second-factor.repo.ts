import { and, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { recoveryCodes, secondFactors } from './account.tables.js';
import { hashToken } from './link-token.js';

export async function findSecondFactor(db: DbOrTx, userId: number) {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  return row;
}

/** Stores the enrolled secret unless the user has one (two tabs enrolling: the first wins). */
export async function insertSecondFactor(db: DbOrTx, userId: number, secret: string, step: number) {
  const [row] = await db
    .insert(secondFactors)
    .values({ userId, secret, lastStep: step })
    .onConflictDoNothing()
    .returning({ userId: secondFactors.userId });
  return Boolean(row);
}

/**
 * Spends a time-step: one conditional statement, so a code (or an older one) is accepted
 * once only, even by two requests at the same instant.
 */
export async function claimStep(db: DbOrTx, userId: number, step: number): Promise<boolean> {
  const [row] = await db
    .update(secondFactors)
    .set({ lastStep: step })
    .where(and(eq(secondFactors.userId, userId), lt(secondFactors.lastStep, step)))
    .returning({ userId: secondFactors.userId });
  return Boolean(row);
}

export async function insertRecoveryCodes(db: DbOrTx, userId: number, codes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashToken(c) })));
}

/** Uses up a recovery code (once: the UPDATE only matches an unused one). */
export async function claimRecoveryCode(db: DbOrTx, userId: number, code: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashToken(code)), isNull(recoveryCodes.usedAt)),
    )
    .returning({ id: recoveryCodes.id });
  return Boolean(row);
}

/** Forgets the second factor and its recovery codes: the next login enrols again. */
export async function deleteSecondFactor(db: DbOrTx, userId: number) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const [row] = await db
    .delete(secondFactors)
    .where(eq(secondFactors.userId, userId))
    .returning({ userId: secondFactors.userId });
  return Boolean(row);
}
