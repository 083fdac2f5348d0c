import { and, asc, desc, eq, gte, isNull, lt, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/index.js';
import { cappedCount, oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { constant } from '../../platform/db/constant.js';
import { jsonList } from '../../platform/db/json-rows.js';
import { type Bindable, type Placeholders, preparedPerDb } from '../../platform/db/prepared.js';
import { readViews } from '../../platform/db/read-view.js';
import { AppError } from '../../platform/errors.js';
import { leadTimes } from '../shipping/index.js';
import { emitWebhookEvent } from '../webhooks/index.js';
import { type Actor, checkTransition, type OrderEvent, type OrderSnapshot, transitions } from './order.machine.js';
import { type OrderQueue, orderQueueStates, PAYMENT_DEADLINE_NEAR_HOURS, QUOTE_OVERDUE_HOURS } from './order.rules.js';
import { orderEvents, orderLines, orders, shipments } from './order.tables.js';
import { keepBadges, keptBadges, type QueueCounts } from './queue-badges.js';

export type Order = typeof orders.$inferSelect;

const pick = (o: object, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
export type OrderLine = typeof orderLines.$inferSelect;

export const snapshotOf = (o: Order): OrderSnapshot => ({
  status: o.status,
  customerId: o.customerId,
  totalCents: o.totalCents,
  paidCents: o.paidCents,
  paymentDueAt: o.paymentDueAt,
});

/** The number of the order whose id is in `orderId` (a column of the caller's), as a scalar subquery. */
export const orderNumberOf = (orderId: SQLWrapper) =>
  sql<string>`(select ${orders.number} from ${orders} where ${orders.id} = ${orderId})`;

/** What other modules join of an order's lines (packing, after-sales): a read-only projection. */
export const orderLineFacts = readViews
  .select({
    id: orderLines.id,
    orderId: orderLines.orderId,
    productId: orderLines.productId,
    sku: orderLines.sku,
    name: orderLines.name,
    quantity: orderLines.quantity,
  })
  .from(orderLines)
  .as('order_line_facts');

/** What other modules join of an order (the PI's verify page compares status and total): read-only. */
export const orderFacts = readViews
  .select({
    id: orders.id,
    number: orders.number,
    status: orders.status,
    totalCents: orders.totalCents,
    fullName: orders.fullName,
    /** When the goods left and when the order was delivered (completed): the warranty check's dates. */
    shippedAt: orders.shippedAt,
    closedAt: orders.closedAt,
  })
  .from(orders)
  .as('order_facts');

export async function findOrderById(db: DbOrTx, id: number) {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row;
}

export async function findOrderByNumber(db: DbOrTx, number: string) {
  const [row] = await db.select().from(orders).where(eq(orders.number, number));
  return row;
}

/**
 * Reads the order and locks its row until the transaction ends. Decisions that count
 * rows belonging to the order (pending proofs, say) take this first, so two staff acting
 * at once see each other's committed work instead of both counting the other's row.
 */
export async function lockOrder(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Adds an approved payment to what the order has received, in one statement (an increment,
 * never a read-then-write), and returns the new amount paid. The caller decides the
 * state change the machine's guards then allow.
 */
export async function recordPayment(tx: DbOrTx, orderId: number, cents: number) {
  const [row] = await tx
    .update(orders)
    .set({ paidCents: sql`${orders.paidCents} + ${cents}` })
    .where(eq(orders.id, orderId))
    .returning({ paidCents: orders.paidCents });
  if (!row) throw new AppError('NOT_FOUND');
  return row.paidCents;
}

/** A customer sees only their own orders: anyone else's answers "not found". */
/** The parcels' tracking numbers, recorded by the warehouse when it ships. */
export async function recordShipments(tx: DbOrTx, orderId: number, carrier: string, trackingNumbers: string[]) {
  await tx.insert(shipments).values(trackingNumbers.map((trackingNumber) => ({ orderId, carrier, trackingNumber })));
}

const ofCustomer = (p: { number: Bindable<string>; customerId: Bindable<number> }) =>
  and(eq(orders.number, p.number), eq(orders.customerId, p.customerId));

/** Each of the customer's order forms starts with it (#18). */
const customerOrderQuery = preparedPerDb((db, p: Placeholders<{ number: string; customerId: number }>) =>
  db.select().from(orders).where(ofCustomer(p)),
);

export async function findCustomerOrder(db: DbOrTx, number: string, customerId: number) {
  const [row] = await customerOrderQuery(db, { number, customerId });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * The customer's order with what a page hangs off it (subqueries on the order's columns,
 * given by `parts`), in one statement: the customer's order page is one round trip (#18).
 * Someone else's order, or none, is "not found".
 */
export function customerOrderWith<P extends Record<string, SQL>>(parts: (order: typeof orders) => P) {
  const query = preparedPerDb((db, p: Placeholders<{ number: string; customerId: number }>) =>
    db
      .select({ order: orders, ...parts(orders) })
      .from(orders)
      .where(ofCustomer(p)),
  );
  return async (db: DbOrTx, number: string, customerId: number) => {
    const [row] = await query(db, { number, customerId });
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  };
}

/**
 * Fires one state-machine event: the table decides, then a single conditional UPDATE
 * (on the status the decision was made for) applies it and the event row is
 * appended in the same transaction. Zero rows means someone else changed the order
 * first: nothing is applied twice.
 */
export async function applyTransition(
  tx: DbOrTx,
  order: Order,
  event: OrderEvent,
  actor: Actor,
  opts: { set?: Partial<typeof orders.$inferInsert>; note?: string; now?: Date; snapshot?: OrderSnapshot } = {},
) {
  const now = opts.now ?? new Date();
  const snapshot = opts.snapshot ?? snapshotOf(order);
  const check = checkTransition(snapshot, event, actor, now);
  if (!check.ok) throw new AppError(check.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT', { detail: check.reason });
  const [updated] = await tx
    .update(orders)
    .set({ ...opts.set, status: check.to, updatedAt: now, overdueAlertedAt: null })
    .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
    .returning();
  if (!updated) throw new AppError('CONFLICT');
  await tx.insert(orderEvents).values({
    orderId: order.id,
    event,
    fromStatus: order.status,
    toStatus: check.to,
    actorId: actor.userId ?? null,
    actorRole: actor.role,
    via: actor.via ?? null,
    note: opts.note ?? null,
    public: transitions[event].public,
    createdAt: now,
  });
  // Every state change, whoever made it (a click, the API, the sweep), in this transaction.
  await emitWebhookEvent(tx, {
    type: 'order.state_changed',
    data: {
      number: order.number,
      event,
      from: order.status,
      to: check.to,
      totalCents: updated.totalCents,
      paidCents: updated.paidCents,
    },
  });
  if (actor.userId && actor.role !== 'customer' && actor.role !== 'system')
    await recordAudit(tx, {
      actor: actor.userId,
      via: actor.via,
      action: 'order.transition',
      subject: { type: 'order', id: order.number },
      before: { status: order.status, ...pick(order, Object.keys(opts.set ?? {})) },
      after: { status: check.to, event, ...opts.set, ...(opts.note ? { note: opts.note } : {}) },
    });
  return updated;
}

export async function orderLinesOf(db: DbOrTx, orderId: number) {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id));
}

const customerOrdersQuery = (
  db: DbOrTx,
  customerId: Bindable<number>,
  before: { createdAt: Bindable<Date>; id: Bindable<number> } | undefined,
  limit: Bindable<number>,
) =>
  db
    .select({
      number: orders.number,
      status: orders.status,
      goodsCents: orders.goodsCents,
      totalCents: orders.totalCents,
      createdAt: orders.createdAt,
      id: orders.id,
    })
    .from(orders)
    .where(
      and(
        eq(orders.customerId, customerId),
        before
          ? or(
              lt(orders.createdAt, before.createdAt),
              and(eq(orders.createdAt, before.createdAt), lt(orders.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);

/** The first page and the next ones, each built once per database (#18). */
const firstCustomerOrders = preparedPerDb((db, p: Placeholders<{ customerId: number; limit: number }>) =>
  customerOrdersQuery(db, p.customerId, undefined, p.limit),
);
const laterCustomerOrders = preparedPerDb(
  (db, p: Placeholders<{ customerId: number; createdAt: Date; id: number; limit: number }>) =>
    customerOrdersQuery(db, p.customerId, p, p.limit),
);

/** "My orders", newest first, keyset-paginated by (created_at, id). */
export async function customerOrders(
  db: DbOrTx,
  customerId: number,
  before?: { createdAt: Date; id: number },
  limit = 20,
) {
  return before
    ? laterCustomerOrders(db, { customerId, createdAt: before.createdAt, id: before.id, limit })
    : firstCustomerOrders(db, { customerId, limit });
}

/** What a queue's table shows of each order: its id (the order) and six columns, not the order's ~40 (#18). */
const queueRowColumns = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  fullName: orders.fullName,
  country: orders.country,
  goodsCents: orders.goodsCents,
  updatedAt: orders.updatedAt,
};
export type QueueRow = Pick<Order, keyof typeof queueRowColumns>;

/** A queue's first rows, oldest change first. */
const queueRowsSelect = (db: DbOrTx, where: SQL | undefined, limit: Bindable<number>) =>
  db.select(queueRowColumns).from(orders).where(where).orderBy(asc(orders.updatedAt), asc(orders.id)).limit(limit);

/** The badges with a queue's first rows, as one statement's select list. */
const queuePageSelect = (
  db: DbOrTx,
  cutoffs: OverdueCutoffs<Bindable<Date>>,
  where: SQL | undefined,
  limit: Bindable<number>,
) =>
  db
    .select({
      ...queueCountFields(cutoffs),
      rows: jsonList<QueueRow>(queueRowColumns, queueRowsSelect(db, where, limit), [orders.updatedAt, orders.id]),
    })
    .from(oneRow);

type QueuePageValues = OverdueCutoffs<Date> & { state: Order['status']; limit: number };
/**
 * A state's queue and the overdue one, each built once per database, with the badges (the
 * page's one round trip when this process has no fresh badges) and without them (#18).
 */
const stateQueuePage = preparedPerDb((db, p: Placeholders<QueuePageValues>) =>
  queuePageSelect(db, p, eq(orders.status, p.state), p.limit),
);
const overdueQueuePage = preparedPerDb((db, p: Placeholders<Omit<QueuePageValues, 'state'>>) =>
  queuePageSelect(db, p, or(...overdueBranches(p)), p.limit),
);
const stateQueueRows = preparedPerDb((db, p: Placeholders<{ state: Order['status']; limit: number }>) =>
  queueRowsSelect(db, eq(orders.status, p.state), p.limit),
);
const overdueQueueRows = preparedPerDb((db, p: Placeholders<OverdueCutoffs<Date> & { limit: number }>) =>
  queueRowsSelect(db, or(...overdueBranches(p)), p.limit),
);

/**
 * A back-office queue: every badge and the queue's first `limit` orders, in one statement.
 * Badges this process counted within the last second are reused (ADR 0040); the rows never are.
 */
export async function queuePage(db: DbOrTx, queue: OrderQueue, now: Date, limit = 50) {
  const values = { ...overdueCutoffs(now), limit };
  const kept = keptBadges(db, now);
  if (kept) {
    const rows = queue === 'overdue' ? overdueQueueRows(db, values) : stateQueueRows(db, { limit, state: queue });
    const [counts, list] = await Promise.all([kept, rows]);
    return { counts, rows: list };
  }
  const page = (
    queue === 'overdue' ? overdueQueuePage(db, values) : stateQueuePage(db, { ...values, state: queue })
  ).then(([row]) => {
    const { rows, ...counts } = row!;
    return { counts: counts as QueueCounts, rows };
  });
  keepBadges(
    db,
    now,
    page.then((p) => p.counts),
  );
  return page;
}

/** Queue badges count up to this and then say "1,000+": no page view counts every order. */
export const QUEUE_COUNT_CAP = 1000;

/**
 * The back office's queue badges, each capped: the four states and the overdue orders,
 * counted in one statement (one round trip instead of five, #7), or reused when this process
 * counted them within the last second (ADR 0040).
 */
export async function queueCounts(db: DbOrTx, now: Date): Promise<QueueCounts> {
  const count = () => preparedQueueCounts(db, overdueCutoffs(now)).then(([row]) => row as QueueCounts);
  return keptBadges(db, now) ?? keepBadges(db, now, count());
}

const queueCountFields = (cutoffs: OverdueCutoffs<Bindable<Date>>) => ({
  ...Object.fromEntries(
    orderQueueStates.map((s) => [s, cappedCount(orders, eq(orders.status, constant(s)), QUEUE_COUNT_CAP)]),
  ),
  overdue: cappedOverdueCount(cutoffs),
});
const queueCountsSelect = (db: DbOrTx, cutoffs: OverdueCutoffs<Bindable<Date>>) =>
  db.select(queueCountFields(cutoffs)).from(oneRow);
/** The dashboard and the all-orders list show the badges (#18). */
const preparedQueueCounts = preparedPerDb((db, p: Placeholders<OverdueCutoffs<Date>>) => queueCountsSelect(db, p));

/** The statement behind `queueCounts` (its test checks how PostgreSQL plans it). */
export const queueCountsQuery = (db: DbOrTx, now: Date) => queueCountsSelect(db, overdueCutoffs(now));

/**
 * Orders breaking a promise (DESIGN §4, §4b): no tracking 4 days after approval,
 * payment deadline within 12 hours, or a quote waiting more than 24 hours. One branch
 * per promise, each served by its partial index (orders_overdue_*_idx): the state is a
 * constant in the text, so the index serves the prepared statement's generic plan too.
 */
function overdueBranches(cutoffs: OverdueCutoffs<Bindable<Date>>) {
  return [
    and(
      eq(orders.status, constant('ready_to_ship')),
      lt(orders.approvedAt, cutoffs.approvedBefore),
      sql`not exists (select 1 from ${shipments} s where s.order_id = ${orders.id})`,
    ),
    and(eq(orders.status, constant('awaiting_payment')), lt(orders.paymentDueAt, cutoffs.paymentDueBefore)),
    and(eq(orders.status, constant('awaiting_quote')), lt(orders.createdAt, cutoffs.createdBefore)),
  ];
}
/** The instants before which each promise is broken, at `now`: values, so a prepared statement takes them. */
type OverdueCutoffs<T> = { approvedBefore: T; paymentDueBefore: T; createdBefore: T };
function overdueCutoffs(now: Date): OverdueCutoffs<Date> {
  const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  return {
    approvedBefore: h(24 * leadTimes.trackingOverdueDays),
    paymentDueBefore: h(-PAYMENT_DEADLINE_NEAR_HOURS),
    createdBefore: h(QUOTE_OVERDUE_HOURS),
  };
}
export const overdueCondition = (now: Date) => or(...overdueBranches(overdueCutoffs(now)));

/**
 * The overdue badge, capped: a UNION ALL of the branches, so each reads its own partial
 * index. An OR over three states scans every order in them (8 ms at 500,000 orders, 0.5 ms
 * this way).
 */
const cappedOverdueCount = (cutoffs: OverdueCutoffs<Bindable<Date>>) => {
  const branches = overdueBranches(cutoffs).map(
    (w) => sql`(select 1 from ${orders} where ${w} limit ${constant(QUEUE_COUNT_CAP + 1)})`,
  );
  return sql<number>`(select count(*)::int from (${sql.join(branches, sql` union all `)} limit ${constant(QUEUE_COUNT_CAP + 1)}) capped)`.mapWith(
    Number,
  );
};

/** Claims the orders newly overdue since their last transition, so each is flagged once. */
export async function claimNewlyOverdue(tx: DbOrTx, now: Date) {
  return tx
    .update(orders)
    .set({ overdueAlertedAt: now })
    .where(and(overdueCondition(now), isNull(orders.overdueAlertedAt)))
    .returning();
}

/** The number of the customer's newest order placed at or after `since`, if any. */
export async function orderPlacedSince(db: DbOrTx, customerId: number, since: Date) {
  const [row] = await db
    .select({ number: orders.number })
    .from(orders)
    .where(and(eq(orders.customerId, customerId), gte(orders.createdAt, since)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(1);
  return row?.number;
}
