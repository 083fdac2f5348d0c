import { and, asc, desc, eq, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/index.js';
import { cappedCount, oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { StoredMedia } from '../../platform/http/media-upload.js';
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

const linesWhere = (db: DbOrTx, where: SQL | undefined) =>
  db
    .select({
      id: caseLines.id,
      caseId: caseLines.caseId,
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
    .where(where)
    .orderBy(asc(caseLines.caseId), asc(caseLines.id));

/** The case's lines with their products: the page's table and the guard's `repairable`. */
export const caseLinesOf = (db: DbOrTx, caseId: number) => linesWhere(db, eq(caseLines.caseId, caseId));

export type CaseLine = Awaited<ReturnType<typeof caseLinesOf>>[number];

/** The lines of several cases at once (a list's units and serials). */
export const linesOfCases = (db: DbOrTx, caseIds: readonly number[]) =>
  caseIds.length ? linesWhere(db, inArray(caseLines.caseId, [...caseIds])) : Promise.resolve([]);

/** `centerOwnerId`: the owner of the center the case is routed to, if approved (`routedCenterOwner`). */
export const snapshotOfCase = (
  c: Case,
  lines: readonly { kind: ProductKind }[],
  centerOwnerId: number | null = null,
): CaseSnapshot => ({
  status: c.status,
  customerId: c.customerId,
  repairable: lines.some((l) => hasSerials(l.kind)),
  centerOwnerId,
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
  opts: {
    set?: Partial<typeof afterSalesCases.$inferInsert>;
    note?: string;
    /** Photos or videos that show this step (already stored), attached to its timeline entry. */
    files?: readonly StoredMedia[];
    now?: Date;
  } = {},
) {
  const now = opts.now ?? new Date();
  const check = checkCaseTransition(snapshot, event, actor);
  if (!check.ok) throw new AppError(check.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT', { detail: check.reason });
  const clocks = {
    decisionDueAt: opts.set?.decisionDueAt ?? c.decisionDueAt,
    reissueDueAt: opts.set?.reissueDueAt ?? c.reissueDueAt,
    repairDueAt: opts.set?.repairDueAt ?? c.repairDueAt,
  };
  const terminal = isTerminalCase(check.to);
  const [updated] = await tx
    .update(afterSalesCases)
    .set({
      ...opts.set,
      status: check.to,
      dueAt: dueAtFor(check.to, clocks),
      // A step that stays in its state (a diagnosis) keeps its promise, and the alert already sent for it.
      ...(check.to === c.status ? {} : { overdueAlertedAt: null }),
      updatedAt: now,
      closedAt: terminal ? now : null,
    })
    .where(and(eq(afterSalesCases.id, c.id), eq(afterSalesCases.status, c.status)))
    .returning();
  if (!updated) throw new AppError('CONFLICT');
  const [row] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      event,
      fromStatus: c.status,
      toStatus: check.to,
      actorId: actor.userId,
      actorRole: actor.role,
      via: actor.via ?? null,
      note: opts.note || null,
      createdAt: now,
    })
    .returning({ id: caseEvents.id });
  if (opts.files?.length) await insertCaseFiles(tx, c.id, actor.userId, opts.files, { eventId: row!.id });
  await emitWebhookEvent(tx, {
    type: 'case.state_changed',
    data: { number: c.number, event, from: c.status, to: check.to },
  });
  // Staff changes are audited; a buyer's or a center owner's step is on the case's own timeline.
  if (actor.role !== 'customer' && actor.role !== 'repair_center')
    await recordAudit(tx, {
      actor: actor.userId,
      via: actor.via,
      action: 'case.transition',
      subject: { type: 'case', id: c.number },
      before: { status: c.status },
      after: { status: check.to, event, ...opts.set, ...(opts.note ? { note: opts.note } : {}) },
    });
  return updated;
}

/** Stores the rows of files already in storage, sent with a message or showing a timeline step. */
export async function insertCaseFiles(
  tx: DbOrTx,
  caseId: number,
  uploadedBy: number,
  files: readonly StoredMedia[],
  link: { messageId?: number; eventId?: number },
) {
  await tx.insert(caseFiles).values(
    files.map((f) => ({
      caseId,
      ...link,
      kind: f.kind,
      fileKey: f.key,
      previewKey: f.previewKey,
      mimeType: f.mimeType,
      sizeBytes: f.size,
      sha256: f.sha256,
      uploadedBy,
    })),
  );
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
/** A case queue: cases in some states, or the open ones past their promise at `overdueAt`. */
export type CaseQueueFilter = { states: readonly CaseState[] } | { overdueAt: Date };
export const caseQueueWhere = (filter: CaseQueueFilter) =>
  'states' in filter ? inArray(afterSalesCases.status, [...filter.states]) : overdueWhere(filter.overdueAt);

export async function queueCases(db: DbOrTx, filter: CaseQueueFilter, limit = 100) {
  return db
    .select({ ...listColumns, customerName: customers.fullName })
    .from(afterSalesCases)
    .innerJoin(customers, eq(customers.id, afterSalesCases.customerId))
    .where(caseQueueWhere(filter))
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
