import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import { users } from '../accounts/index.js';
import { paymentMethodChanges, paymentMethods } from './payment.tables.js';

export type PaymentMethodChange = typeof paymentMethodChanges.$inferSelect;

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

const changeColumns = {
  id: paymentMethodChanges.id,
  paymentMethodId: paymentMethodChanges.paymentMethodId,
  methodName: paymentMethods.name,
  previousDetails: paymentMethodChanges.previousDetails,
  proposedDetails: paymentMethodChanges.proposedDetails,
  status: paymentMethodChanges.status,
  proposedBy: paymentMethodChanges.proposedBy,
  proposerName: proposer.fullName,
  decidedAt: paymentMethodChanges.decidedAt,
  deciderName: decider.fullName,
  createdAt: paymentMethodChanges.createdAt,
};

function changesQuery(db: DbOrTx) {
  return db
    .select(changeColumns)
    .from(paymentMethodChanges)
    .innerJoin(paymentMethods, eq(paymentMethods.id, paymentMethodChanges.paymentMethodId))
    .innerJoin(proposer, eq(proposer.id, paymentMethodChanges.proposedBy))
    .leftJoin(decider, eq(decider.id, paymentMethodChanges.decidedBy));
}

export type PaymentMethodChangeView = Awaited<ReturnType<typeof listPendingChanges>>[number];

export async function listPendingChanges(db: DbOrTx) {
  return changesQuery(db)
    .where(eq(paymentMethodChanges.status, 'pending'))
    .orderBy(asc(paymentMethodChanges.createdAt));
}

/** A method's recent history of detail changes, newest first. */
export async function changesOfMethod(db: DbOrTx, methodId: number, limit = 20) {
  return changesQuery(db)
    .where(eq(paymentMethodChanges.paymentMethodId, methodId))
    .orderBy(desc(paymentMethodChanges.id))
    .limit(limit);
}

export async function findChange(db: DbOrTx, id: number) {
  const [row] = await db.select().from(paymentMethodChanges).where(eq(paymentMethodChanges.id, id));
  return row;
}

export async function findPendingChangeOf(db: DbOrTx, methodId: number) {
  const [row] = await db
    .select()
    .from(paymentMethodChanges)
    .where(and(eq(paymentMethodChanges.paymentMethodId, methodId), eq(paymentMethodChanges.status, 'pending')));
  return row;
}

/** Inserts a pending change; undefined when another change is already pending (partial unique index). */
export async function insertPendingChange(
  db: DbOrTx,
  v: { paymentMethodId: number; previousDetails: string; proposedDetails: string; proposedBy: number },
) {
  const [row] = await db.insert(paymentMethodChanges).values(v).onConflictDoNothing().returning();
  return row;
}

/**
 * Confirms a pending change in one conditional statement: two admins clicking at once
 * cannot both win, and the proposer can never be the one who confirms.
 */
export async function markChangeConfirmed(db: DbOrTx, id: number, userId: number) {
  const [row] = await db
    .update(paymentMethodChanges)
    .set({ status: 'confirmed', decidedBy: userId, decidedAt: sql`now()` })
    .where(
      and(
        eq(paymentMethodChanges.id, id),
        eq(paymentMethodChanges.status, 'pending'),
        ne(paymentMethodChanges.proposedBy, userId),
      ),
    )
    .returning();
  return row;
}

export async function markChangeCancelled(db: DbOrTx, id: number, userId: number) {
  const [row] = await db
    .update(paymentMethodChanges)
    .set({ status: 'cancelled', decidedBy: userId, decidedAt: sql`now()` })
    .where(and(eq(paymentMethodChanges.id, id), eq(paymentMethodChanges.status, 'pending')))
    .returning();
  return row;
}

/** Copies confirmed details only over the details the proposer saw; bumping updated_at tells quoted buyers. */
export async function applyAccountDetails(db: DbOrTx, methodId: number, previous: string, next: string) {
  const [row] = await db
    .update(paymentMethods)
    .set({ accountDetails: next, updatedAt: sql`now()` })
    .where(and(eq(paymentMethods.id, methodId), eq(paymentMethods.accountDetails, previous)))
    .returning();
  return row;
}

/** Everyone who must hear about a change of payment details. */
export async function adminEmails(db: DbOrTx) {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id));
  return rows.map((r) => r.email);
}
