import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { EVENTS_CHANNEL } from '../../platform/events.js';
import { sessions, users } from './account.tables.js';
import { forgetCachedSessions, SESSIONS_TOPIC, type SessionCache } from './session.cache.js';

export const SESSION_DAYS = 14;
const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

/** A new 128-bit session id; the caller puts it in the cookie, the database keeps its hash. */
export async function createSession(db: DbOrTx, userId: number, userAgent?: string): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await db.insert(sessions).values({
    idHash: hashId(id),
    userId,
    userAgent: userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  return id;
}

/**
 * Runs on every logged-in request the session cache cannot answer, so it is prepared once
 * per database: Drizzle does not rebuild the SQL each time and PostgreSQL keeps a named
 * statement per connection instead of parsing and planning it again (#7).
 */
const prepareSessionUser = (db: Db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.idHash, sql.placeholder('idHash')), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)),
    )
    .prepare('session_user');
const preparedFor = new WeakMap<Db, ReturnType<typeof prepareSessionUser>>();

/** The logged-in user of a session cookie, from the process's session cache when it may answer. */
export async function findSessionUser(db: Db, cache: SessionCache, id: string): Promise<CurrentUser | undefined> {
  const idHash = hashId(id);
  return cache.get(idHash, async () => {
    let query = preparedFor.get(db);
    if (!query) {
      query = prepareSessionUser(db);
      preparedFor.set(db, query);
    }
    const [row] = await query.execute({ idHash });
    if (!row) return undefined;
    const { expiresAt, ...user } = row;
    return { user, expiresAt: expiresAt.getTime() };
  });
}

/**
 * Every write that ends a session or changes who its user is calls this inside its
 * transaction: this process forgets its cached sessions now, and the NOTIFY (sent on commit,
 * dropped on rollback) makes every process forget them after the commit.
 */
export async function sessionsChanged(db: DbOrTx): Promise<void> {
  forgetCachedSessions();
  await db.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${SESSIONS_TOPIC})`);
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashId(id)));
  await sessionsChanged(db);
}

/** Ends every session of the user (deactivation, role or password change). */
export async function deleteUserSessions(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await sessionsChanged(db);
}

/** A user's open sessions, newest first, marking the one asking. */
export async function listUserSessions(db: DbOrTx, userId: number, currentId: string | undefined) {
  const rows = await db
    .select({ idHash: sessions.idHash, createdAt: sessions.createdAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.createdAt));
  const current = currentId ? hashId(currentId) : undefined;
  return rows.map(({ idHash, ...r }) => ({ ...r, current: idHash === current }));
}

/** Ends every session of the user but this one ("log out other sessions", a password change). */
export async function deleteOtherSessions(db: DbOrTx, userId: number, keepId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, hashId(keepId))));
  await sessionsChanged(db);
}
