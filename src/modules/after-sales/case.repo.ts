import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/index.js';
import { cappedCount, oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { userDirectory } from '../accounts/index.js';
import { productFacts } from '../catalog/index.js';
import { orderLineFacts } from '../orders/index.js';
import { emitWebhookEvent } from '../webhooks/index.js';

const customers = userDirectory('customers');

import {
  type CaseActor,
  type CaseEvent,
  type CaseSnapshot,
  checkCaseTransition,
  isTerminalCase,
} from './case.machine.js';
import { hasSerials, type ProductKind } from './case.policy.js';
import { QUEUE_COUNT_CAP } from './case.queue.js';
import { dueAtFor } from './case.rules.js';
import type { CaseState } from './case.states.js';
import { afterSalesCases, caseEvents, caseFiles, caseLines, caseMessages } from './case.tables.js';

export type Case = typeof afterSalesCases.$inferSelect;
export type CaseFile = typeof caseFiles.$inferSelect;

export async function findCaseByNumber(db: DbOrTx, number: string) {
  const [row] = await db.select().from(afterSalesCases).where(eq(afterSalesCases.number, number));
  return row;
}

/** A customer sees only their own cases: anyone else's answers "not found". */
export async function findCustomerCase(db: DbOrTx, number: string, customerId: number) {
  const [row] = await db
    .select()
    .from(afterSalesCases)
    .where(and(eq(afterSalesCases.number, number), eq(afterSalesCases.customerId, customerId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The order's lines with what the policy needs from each product. */
export async function claimableLines(db: DbOrTx, orderId: number) {
  return db
    .select({
      id: orderLineFacts.id,
      sku: orderLineFacts.sku,
      name: orderLineFacts.name,
      quantity: orderLineFacts.quantity,
      kind: productFacts.kind,
      brand: productFacts.brand,
      warrantyDays: productFacts.warrantyDays,
    })
    .from(orderLineFacts)
    .innerJoin(productFacts, eq(productFacts.id, orderLineFacts.productId))
    .where(eq(orderLineFacts.orderId, orderId))
    .orderBy(asc(orderLineFacts.id));
}
export type ClaimableLine = Awaited<ReturnType<typeof claimableLines>>[number];

/** The case's lines with their products: the page's table and the guard's `repairable`. */
export async function caseLinesOf(db: DbOrTx, caseId: number) {
  return db
    .select({
      id: caseLines.id,
      orderLineId: caseLines.orderLineId,
      quantity: caseLines.quantity,
      serialNumber: caseLines.serialNumber,
      sku: orderLineFacts.sku,
      name: orderLineFacts.name,
      kind: productFacts.kind,
      brand: productFacts.brand,
    })
    .from(caseLines)
    .innerJoin(orderLineFacts, eq(orderLineFacts.id, caseLines.orderLineId))
    .innerJoin(productFacts, eq(productFacts.id, orderLineFacts.productId))
    .where(eq(caseLines.caseId, caseId))
    .orderBy(asc(caseLines.id));
}

export const snapshotOfCase = (c: Case, lines: readonly { kind: ProductKind }[]): CaseSnapshot => ({
  status: c.status,
  customerId: c.customerId,
  repairable: lines.some((l) => hasSerials(l.kind)),
});

/**
 * Fires one case event: the table decides, then a single conditional UPDATE on the
 * status the decision was made for applies it (with the next open promise as
 * `due_at`), and the event row is appended in the same transaction. Zero rows: someone
 * else moved the case first.
 */
export async function applyCaseTransition(
  tx: DbOrTx,
  c: Case,
  snapshot: CaseSnapshot,
  event: CaseEvent,
  actor: CaseActor,
  opts: { set?: Partial<typeof afterSalesCases.$inferInsert>; note?: string; now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  const check = checkCaseTransition(snapshot, event, actor);
  if (!check.ok) throw new AppError(check.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT', { detail: check.reason });
  const clocks = { decisionDueAt: c.decisionDueAt, reissueDueAt: opts.set?.reissueDueAt ?? c.reissueDueAt };
  const terminal = isTerminalCase(check.to);
  const [updated] = await tx
    .update(afterSalesCases)
    .set({
      ...opts.set,
      status: check.to,
      dueAt: dueAtFor(check.to, clocks),
      overdueAlertedAt: null,
      updatedAt: now,
      closedAt: terminal ? now : null,
    })
    .where(and(eq(afterSalesCases.id, c.id), eq(afterSalesCases.status, c.status)))
    .returning();
  if (!updated) throw new AppError('CONFLICT');
  await tx.insert(caseEvents).values({
    caseId: c.id,
    event,
    fromStatus: c.status,
    toStatus: check.to,
    actorId: actor.userId,
    actorRole: actor.role,
    note: opts.note || null,
    createdAt: now,
  });
  await emitWebhookEvent(tx, {
    type: 'case.state_changed',
    data: { number: c.number, event, from: c.status, to: check.to },
  });
  if (actor.role !== 'customer')
    await recordAudit(tx, {
      actor: actor.userId,
      action: 'case.transition',
      subject: { type: 'case', id: c.number },
      before: { status: c.status },
      after: { status: check.to, event, ...opts.set, ...(opts.note ? { note: opts.note } : {}) },
    });
  return updated;
}

export const caseTimeline = (db: DbOrTx, caseId: number) =>
  db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));

export const caseThread = (db: DbOrTx, caseId: number) =>
  db.select().from(caseMessages).where(eq(caseMessages.caseId, caseId)).orderBy(asc(caseMessages.id));

export const filesOfCase = (db: DbOrTx, caseId: number) =>
  db.select().from(caseFiles).where(eq(caseFiles.caseId, caseId)).orderBy(asc(caseFiles.id));

export async function findCaseFile(db: DbOrTx, caseId: number, fileId: number) {
  const [row] = await db
    .select()
    .from(caseFiles)
    .where(and(eq(caseFiles.caseId, caseId), eq(caseFiles.id, fileId)));
  return row;
}

const listColumns = {
  id: afterSalesCases.id,
  number: afterSalesCases.number,
  type: afterSalesCases.type,
  status: afterSalesCases.status,
  dueAt: afterSalesCases.dueAt,
  createdAt: afterSalesCases.createdAt,
  orderId: afterSalesCases.orderId,
};

/** "After-sales": the customer's cases, newest first. */
export const customerCases = (db: DbOrTx, customerId: number, limit = 100) =>
  db
    .select(listColumns)
    .from(afterSalesCases)
    .where(eq(afterSalesCases.customerId, customerId))
    .orderBy(desc(afterSalesCases.createdAt), desc(afterSalesCases.id))
    .limit(limit);

export const casesOfOrder = (db: DbOrTx, orderId: number) =>
  db
    .select(listColumns)
    .from(afterSalesCases)
    .where(eq(afterSalesCases.orderId, orderId))
    .orderBy(asc(afterSalesCases.id));

export const overdueWhere = (now: Date) => and(isNotNull(afterSalesCases.dueAt), lt(afterSalesCases.dueAt, now));

/** The support queue: soonest (or most overdue) promise first, cases without a clock after. */
export async function queueCases(
  db: DbOrTx,
  filter: { states: readonly CaseState[] } | { overdueAt: Date },
  limit = 100,
) {
  return db
    .select({ ...listColumns, customerName: customers.fullName })
    .from(afterSalesCases)
    .innerJoin(customers, eq(customers.id, afterSalesCases.customerId))
    .where('states' in filter ? inArray(afterSalesCases.status, [...filter.states]) : overdueWhere(filter.overdueAt))
    .orderBy(sql`${afterSalesCases.dueAt} asc nulls last`, asc(afterSalesCases.id))
    .limit(limit);
}

/** Counts per state, and of open cases past their promise: each capped, all in one statement. */
export async function queueCounts(db: DbOrTx, states: readonly CaseState[], now: Date) {
  const [row] = await db
    .select({
      ...Object.fromEntries(
        states.map((s) => [s, cappedCount(afterSalesCases, eq(afterSalesCases.status, s), QUEUE_COUNT_CAP)]),
      ),
      overdue: cappedCount(afterSalesCases, overdueWhere(now), QUEUE_COUNT_CAP),
    })
    .from(oneRow);
  const { overdue, ...byState } = row as Record<string, number>;
  return { byState: byState as Record<CaseState, number>, overdue: overdue ?? 0 };
}

/** Keys still referenced by case files (originals and previews), for the orphan sweep. */
export async function referencedCaseKeys(db: DbOrTx, keys: string[]) {
  const rows = await db
    .select({ key: caseFiles.fileKey, preview: caseFiles.previewKey })
    .from(caseFiles)
    .where(or(inArray(caseFiles.fileKey, keys), inArray(caseFiles.previewKey, keys)));
  const wanted = new Set(keys);
  return rows.flatMap((r) => [r.key, r.preview]).filter((k): k is string => !!k && wanted.has(k));
}
