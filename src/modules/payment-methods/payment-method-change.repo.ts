import { and, asc, desc, eq, gt, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { userDirectory } from '../accounts/index.js';
import { type PaymentMethodTerms, paymentMethodChanges, paymentMethods } from './payment-method.tables.js';

export type PaymentMethodChange = typeof paymentMethodChanges.$inferSelect;

const proposer = userDirectory('proposer');
const decider = userDirectory('decider');

const changeColumns = {
  id: paymentMethodChanges.id,
  kind: paymentMethodChanges.kind,
  paymentMethodId: paymentMethodChanges.paymentMethodId,
  // A proposed method has no row yet: it is known by the name it would get.
  methodName: sql<string>`coalesce(${paymentMethods.name}, ${paymentMethodChanges.proposedTerms}->>'name')`,
  previousDetails: paymentMethodChanges.previousDetails,
  proposedDetails: paymentMethodChanges.proposedDetails,
  previousTerms: paymentMethodChanges.previousTerms,
  proposedTerms: paymentMethodChanges.proposedTerms,
  status: paymentMethodChanges.status,
  proposedBy: paymentMethodChanges.proposedBy,
  proposerName: proposer.fullName,
  decidedAt: paymentMethodChanges.decidedAt,
  decidedOnConsole: paymentMethodChanges.decidedOnConsole,
  deciderName: decider.fullName,
  createdAt: paymentMethodChanges.createdAt,
};

function changesQuery(db: DbOrTx) {
  return db
    .select(changeColumns)
    .from(paymentMethodChanges)
    .leftJoin(paymentMethods, eq(paymentMethods.id, paymentMethodChanges.paymentMethodId))
    .innerJoin(proposer, eq(proposer.id, paymentMethodChanges.proposedBy))
    .leftJoin(decider, eq(decider.id, paymentMethodChanges.decidedBy));
}

export type PaymentMethodChangeView = Awaited<ReturnType<typeof listPendingChanges>>[number];

export async function listPendingChanges(db: DbOrTx) {
  return changesQuery(db)
    .where(eq(paymentMethodChanges.status, 'pending'))
    .orderBy(asc(paymentMethodChanges.createdAt));
}

/** Changes confirmed since `since`, newest first: what the shop announces as recently changed. */
export async function listConfirmedSince(db: DbOrTx, since: Date) {
  return changesQuery(db)
    .where(and(eq(paymentMethodChanges.status, 'confirmed'), gt(paymentMethodChanges.decidedAt, since)))
    .orderBy(desc(paymentMethodChanges.decidedAt));
}

/** A method's recent history of changes, newest first. */
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

/** Inserts a pending change; undefined when another change of the method is already pending (partial unique index). */
export async function insertPendingChange(
  db: DbOrTx,
  v: Pick<
    typeof paymentMethodChanges.$inferInsert,
    | 'kind'
    | 'paymentMethodId'
    | 'previousDetails'
    | 'proposedDetails'
    | 'previousTerms'
    | 'proposedTerms'
    | 'proposedBy'
  >,
) {
  const [row] = await db.insert(paymentMethodChanges).values(v).onConflictDoNothing().returning();
  return row;
}

/**
 * Confirms a pending change in one conditional statement: two admins clicking at once
 * cannot both win, and the proposer can never be the one who confirms. `null` is the
 * operator at the command line, recorded as such.
 */
export async function markChangeConfirmed(db: DbOrTx, id: number, userId: number | null) {
  const [row] = await db
    .update(paymentMethodChanges)
    .set({ status: 'confirmed', decidedBy: userId, decidedOnConsole: userId === null, decidedAt: sql`now()` })
    .where(
      and(
        eq(paymentMethodChanges.id, id),
        eq(paymentMethodChanges.status, 'pending'),
        userId === null ? undefined : ne(paymentMethodChanges.proposedBy, userId),
      ),
    )
    .returning();
  return row;
}

export async function markChangeCancelled(db: DbOrTx, id: number, userId: number | null) {
  const [row] = await db
    .update(paymentMethodChanges)
    .set({ status: 'cancelled', decidedBy: userId, decidedOnConsole: userId === null, decidedAt: sql`now()` })
    .where(and(eq(paymentMethodChanges.id, id), eq(paymentMethodChanges.status, 'pending')))
    .returning();
  return row;
}

export async function linkCreatedMethod(db: DbOrTx, changeId: number, methodId: number) {
  await db
    .update(paymentMethodChanges)
    .set({ paymentMethodId: methodId })
    .where(and(eq(paymentMethodChanges.id, changeId), isNull(paymentMethodChanges.paymentMethodId)));
}

/**
 * Applies a confirmed change to an existing method, only over the state the proposer saw
 * (anything else changed it meanwhile: nothing applies). `updated_at` moves only when
 * what buyers are asked to do changed, which tells buyers with an open quote.
 * Changes from before terms were reviewed carry account details only.
 */
export async function applyMethodChange(
  db: DbOrTx,
  methodId: number,
  previous: { details: string; terms: PaymentMethodTerms | null },
  next: { details: string; terms: PaymentMethodTerms | null },
) {
  const same: SQL[] = [eq(paymentMethods.accountDetails, previous.details)];
  if (previous.terms) {
    for (const [key, value] of Object.entries(previous.terms) as [keyof PaymentMethodTerms, unknown][]) {
      same.push(sql`${paymentMethods[key]} is not distinct from ${value}`);
    }
  }
  const moved = (f: 'instructions' | 'depositKey') => (next.terms?.[f] ?? null) !== (previous.terms?.[f] ?? null);
  const howToPay =
    previous.details !== next.details || (!!next.terms && (moved('instructions') || moved('depositKey')));
  const [row] = await db
    .update(paymentMethods)
    .set({
      ...(next.terms ?? {}),
      accountDetails: next.details,
      ...(howToPay ? { updatedAt: sql`now()` } : {}),
    })
    .where(and(eq(paymentMethods.id, methodId), ...same))
    .returning();
  return row;
}
