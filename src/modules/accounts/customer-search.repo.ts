import { and, desc, eq, ilike, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/contains.js';
import { users } from './account.tables.js';

/** Customer accounts whose name or e-mail contains `q` (trigram indexes), newest first; staff accounts are not customers. */
export async function searchCustomers(db: DbOrTx, q: string, limit = 10) {
  const p = containsPattern(q);
  const matches = db
    .select({ id: users.id, fullName: users.fullName, email: users.email, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.role, 'customer'), or(ilike(users.fullName, p), ilike(users.email, p))))
    .limit(50)
    .as('matches');
  return db.select().from(matches).orderBy(desc(matches.createdAt)).limit(limit);
}

/** A customer account (never a staff one) for the staff customer page. */
export async function findCustomer(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      locale: users.locale,
      active: users.active,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'customer')));
  return row;
}
