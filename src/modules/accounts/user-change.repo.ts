import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import { type UserChangeKind, userChanges, users } from './account.tables.js';

/** Records a change to an account (append-only: this module never updates or deletes these rows). */
export async function recordUserChange(
  db: DbOrTx,
  change: { actorId: number | null; userId: number | null; email: string; kind: UserChangeKind; detail?: string },
) {
  await db.insert(userChanges).values(change);
}

const actor = alias(users, 'actor');

/** The newest changes, with the names of who made them. */
export async function latestUserChanges(db: DbOrTx, limit = 50) {
  return db
    .select({
      id: userChanges.id,
      at: userChanges.at,
      email: userChanges.email,
      kind: userChanges.kind,
      detail: userChanges.detail,
      actorName: actor.fullName,
    })
    .from(userChanges)
    .leftJoin(actor, eq(actor.id, userChanges.actorId))
    .orderBy(desc(userChanges.id))
    .limit(limit);
}

/** One user's history, newest first. */
export async function userChangesOf(db: DbOrTx, userId: number, limit = 50) {
  return db
    .select({
      id: userChanges.id,
      at: userChanges.at,
      email: userChanges.email,
      kind: userChanges.kind,
      detail: userChanges.detail,
      actorName: actor.fullName,
    })
    .from(userChanges)
    .leftJoin(actor, eq(actor.id, userChanges.actorId))
    .where(eq(userChanges.userId, userId))
    .orderBy(desc(userChanges.id))
    .limit(limit);
}
