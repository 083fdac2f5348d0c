import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { userDirectory, userStanding } from '../accounts/index.js';
import { apiTokens } from './api.tables.js';

export async function insertApiToken(
  db: DbOrTx,
  t: { name: string; tokenHash: string; prefix: string; roles: Role[]; createdBy: number; expiresAt: Date },
) {
  const [row] = await db.insert(apiTokens).values(t).returning();
  return row!;
}

/** Every token, newest first, with who made it; never the hash. */
export async function listApiTokens(db: DbOrTx) {
  const maker = userDirectory('maker');
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      roles: apiTokens.roles,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdByName: maker.fullName,
    })
    .from(apiTokens)
    .leftJoin(maker, eq(maker.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(500);
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

/** Revokes once (conditional): undefined when it was already revoked or does not exist. */
export async function revokeApiToken(db: DbOrTx, id: number, by: number, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  return row;
}

/**
 * Authenticates a request and counts it, in one statement: the token must be unrevoked,
 * unexpired and made by an admin who is still an active admin; last-used time and the
 * one-minute window are updated on the same row. Returns undefined for anything else.
 */
export async function useApiToken(db: DbOrTx, tokenHash: string) {
  const maker = userStanding('maker');
  const expired = sql`${apiTokens.windowStart} <= now() - interval '1 minute'`;
  const [row] = await db
    .update(apiTokens)
    .set({
      lastUsedAt: sql`now()`,
      windowHits: sql`case when ${expired} then 1 else ${apiTokens.windowHits} + 1 end`,
      windowStart: sql`case when ${expired} then now() else ${apiTokens.windowStart} end`,
    })
    .from(maker)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, sql`now()`),
        eq(maker.id, apiTokens.createdBy),
        eq(maker.active, true),
        eq(maker.role, 'admin'),
      ),
    )
    .returning({
      id: apiTokens.id,
      name: apiTokens.name,
      roles: apiTokens.roles,
      windowHits: apiTokens.windowHits,
      windowStart: apiTokens.windowStart,
      userId: maker.id,
      email: maker.email,
      fullName: maker.fullName,
    });
  return row && { ...row, roles: row.roles as Role[] };
}
