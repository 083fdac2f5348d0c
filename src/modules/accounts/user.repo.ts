import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { readViews } from '../../platform/db/read-view.js';
import type { Locale } from '../../platform/i18n/index.js';
import type { Recipient } from '../../platform/mail/index.js';
import { users } from './account.tables.js';
import { sessionsChanged } from './session.repo.js';

/**
 * Who a user is, for other modules to join (names and e-mails beside their own rows):
 * a read-only projection; `as` names it, so one statement can join it twice.
 */
export const userDirectory = (as = 'user_directory') =>
  readViews.select({ id: users.id, fullName: users.fullName, email: users.email }).from(users).as(as);

/**
 * Who a user is and whether they may still act (role, active), for a module that acts on a
 * user's behalf (an API token acts as the admin who made it): a read-only projection.
 */
export const userStanding = (as = 'user_standing') =>
  readViews
    .select({ id: users.id, fullName: users.fullName, email: users.email, role: users.role, active: users.active })
    .from(users)
    .as(as);

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row;
}

export async function findUserById(db: DbOrTx, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Inserts unless the e-mail is taken; returns undefined when it is (one statement, no race). */
export async function insertUser(
  db: DbOrTx,
  values: { email: string; fullName: string; passwordHash: string; role?: Role; locale?: Locale },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: normalizeEmail(values.email) })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, fullName: users.fullName, role: users.role });
  return row;
}

/** Changes what decides access (active, role, password); returns the user, if there is one. */
export async function updateUser(
  db: DbOrTx,
  userId: number,
  set: Partial<{
    active: boolean;
    role: Role;
    passwordHash: string;
    fullName: string;
    phone: string | null;
    locale: Locale;
    email: string;
    lastLoginAt: Date;
  }>,
) {
  const [row] = await db.update(users).set(set).where(eq(users.id, userId)).returning({ email: users.email });
  // What a session carries (or whether it may): cached sessions must not keep the old values.
  if (row && (['active', 'role', 'passwordHash', 'fullName', 'email'] as const).some((k) => k in set))
    await sessionsChanged(db);
  return row;
}

export async function countAdmins(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.role, 'admin'));
  return row?.n ?? 0;
}

export async function setUserLocale(db: DbOrTx, userId: number, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Who gets a role's staff mail, in their language: the active users holding one of `roles`, oldest account first. */
export async function staffRecipients(db: DbOrTx, roles: readonly Role[]): Promise<Recipient[]> {
  return db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, [...roles]), eq(users.active, true)))
    .orderBy(asc(users.id));
}

/** The same recipients as a SELECT of `email` and `locale`, for a statement that mails them in a CTE. */
export const staffRecipientsSql = (roles: readonly Role[]) =>
  sql`select email, locale from ${users} where role in (${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )}) and active`;

/** A user as a mail recipient: their address and the language their mail is written in. */
export async function recipientOf(db: DbOrTx, userId: number): Promise<Recipient | undefined> {
  const [row] = await db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  return row;
}
