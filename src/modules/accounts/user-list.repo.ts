import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { secondFactors, users } from './account.tables.js';

export const USERS_PAGE = 25;
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The users page: staff first, then by name; a page of them and whether there is another. */
export async function listUsers(db: DbOrTx, opts: { q?: string; page: number }) {
  const q = opts.q?.trim();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
      twoFactor: sql<boolean>`${secondFactors.userId} is not null`,
    })
    .from(users)
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id))
    .where(q ? or(ilike(users.fullName, like(q)), ilike(users.email, like(q))) : undefined)
    .orderBy(sql`${users.role} = 'customer'`, asc(users.fullName), asc(users.id))
    .limit(USERS_PAGE + 1)
    .offset((opts.page - 1) * USERS_PAGE);
  return { rows: rows.slice(0, USERS_PAGE), more: rows.length > USERS_PAGE };
}

export async function findUserDetail(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      active: users.active,
      locale: users.locale,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      twoFactor: sql<boolean>`${secondFactors.userId} is not null`,
    })
    .from(users)
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id))
    .where(eq(users.id, id));
  return row;
}

/**
 * Locks the active admins' rows (in id order, so two callers never deadlock) and returns their
 * ids. Two admins demoting each other at once: the second waits for the first, then no longer
 * sees the first as an admin, so the shop always keeps one.
 */
export async function lockActiveAdmins(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}
