import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { cappedCount, oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { constant } from '../../platform/db/constant.js';
import { AppError } from '../../platform/errors.js';
import { userDirectory } from '../accounts/index.js';

const actors = userDirectory('actors');

import { products, stockAdjustments } from './catalog.tables.js';
import { LEDGER_COUNT_CAP, LEDGER_ROWS, MAX_STOCK, type StockReason } from './stock.rules.js';

/**
 * The only code that changes products.stock. Each change is one statement: the conditional
 * UPDATE of the column and the INSERT of its ledger row, so neither exists without the other
 * and two concurrent changes never read-then-write (SECURITY.md, "Workflow integrity").
 * Callers pass their transaction and declare `catalogChanged` in its outcome (platform/effects.ts).
 */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const reason = (r: StockReason) => constant(r);

export interface StockLine {
  productId: number;
  quantity: number;
}

interface OrderRef {
  orderNumber: string;
  /** The customer who ordered, the staff member who cancelled; null for the sweep. */
  actorId: number | null;
}

/** `(product_id, quantity)` rows in product-id order, so concurrent orders lock shared products in the same order. */
function lineValues(lines: StockLine[]): SQL {
  const sorted = [...lines].sort((x, y) => x.productId - y.productId);
  return sql.join(
    sorted.map((l) => sql`(${l.productId}::int, ${l.quantity}::int)`),
    sql`, `,
  );
}

/**
 * A back-office change (`manual`, or `initial` on a new product): refuses, with a field
 * error, to take stock below zero or above MAX_STOCK. Returns the stock after the change.
 */
export async function adjustStock(
  tx: DbOrTx,
  a: { productId: number; delta: number; reason: 'initial' | 'manual'; note: string | null; actorId: number | null },
) {
  const result = await tx.execute(sql`
    with p as (
      update ${products} set stock = stock + ${a.delta}::int
       where id = ${a.productId} and stock + ${a.delta}::int between 0 and ${constant(MAX_STOCK)}
      returning id, stock
    ), ledger as (
      insert into ${stockAdjustments} (product_id, delta, reason, note, actor_id)
      select id, ${a.delta}::int, ${a.reason}::text, ${a.note}::text, ${a.actorId}::int from p
    )
    select stock from p`);
  const [row] = rowsOf<{ stock: number }>(result);
  if (row) return row.stock;
  // Refused: say whether the product is gone or the change out of bounds.
  const [exists] = await tx.select({ id: products.id }).from(products).where(eq(products.id, a.productId));
  if (!exists) throw new AppError('NOT_FOUND');
  throw new AppError('VALIDATION', { fields: { delta: a.delta < 0 ? 'stock.belowZero' : 'stock.aboveMax' } });
}

/**
 * Reserves an order's lines, each with its own `stock >= quantity` condition, and records
 * every reservation in one multi-row INSERT, as CTEs of the caller's statement: the order's
 * submission writes its order and reserves its stock in one round trip (ADR 0039). Names the
 * CTEs `stock_line`, `reserved (id, quantity)` and `reserved_ledger`. `only` (a query of
 * product ids) limits the reservation to the lines it lists and is read before any product
 * row is locked. A line not in `reserved` had too little stock (the caller backorders or refuses).
 */
export const reserveOrderStockSql = (
  order: { orderNumber: SQL; actorId: number | null },
  lines: StockLine[],
  only?: SQL,
) => sql`
  stock_line (product_id, quantity) as (values ${lineValues(lines)}),
  reserved as (
    update ${products} p set stock = p.stock - line.quantity from stock_line line
     where p.id = line.product_id and p.stock >= line.quantity${only ? sql` and line.product_id in (${only})` : sql``}
    returning p.id, line.quantity
  ), reserved_ledger as (
    insert into ${stockAdjustments} (product_id, delta, reason, order_number, actor_id)
    select id, -quantity, ${reason('order_reserved')}, ${order.orderNumber}, ${order.actorId}::int
      from reserved
  )`;

/** {@link reserveOrderStockSql} as a statement of its own: returns the products reserved. */
export async function reserveOrderStock(tx: DbOrTx, order: OrderRef, lines: StockLine[]): Promise<Set<number>> {
  if (!lines.length) return new Set();
  const ref = { orderNumber: sql`${order.orderNumber}::text`, actorId: order.actorId };
  const result = await tx.execute(sql`with ${reserveOrderStockSql(ref, lines)} select id from reserved`);
  return new Set(rowsOf<{ id: number }>(result).map((r) => r.id));
}

/** Puts an order's reserved units back (cancellation, expiry), recorded like the reservation. */
export const releaseOrderStock = (tx: DbOrTx, order: OrderRef, lines: StockLine[]) =>
  addUnits(tx, 'order_released', order, lines);

/**
 * Stock for products created with none (the demo seed), recorded as `initial` rows, in one
 * statement. Only positive quantities; the products must have been inserted with stock 0.
 */
export const recordInitialStock = (tx: DbOrTx, lines: StockLine[]) =>
  addUnits(
    tx,
    'initial',
    { orderNumber: null, actorId: null },
    lines.filter((l) => l.quantity > 0),
  );

/** Adds units to several products and records each addition, in one statement. */
async function addUnits(
  tx: DbOrTx,
  why: StockReason,
  order: { orderNumber: string | null; actorId: number | null },
  lines: StockLine[],
) {
  if (!lines.length) return;
  await tx.execute(sql`
    with line (product_id, quantity) as (values ${lineValues(lines)}),
    added as (
      update ${products} p set stock = p.stock + line.quantity from line
       where p.id = line.product_id
      returning p.id, line.quantity
    )
    insert into ${stockAdjustments} (product_id, delta, reason, order_number, actor_id)
    select id, quantity, ${reason(why)}, ${order.orderNumber}::text, ${order.actorId}::int
      from added`);
}

/** A product's ledger for the back office: the newest `limit` rows with who made them, and how many there are (capped). */
export async function stockLedger(db: DbOrTx, productId: number, limit = LEDGER_ROWS, cap = LEDGER_COUNT_CAP) {
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: stockAdjustments.id,
        delta: stockAdjustments.delta,
        reason: stockAdjustments.reason,
        note: stockAdjustments.note,
        orderNumber: stockAdjustments.orderNumber,
        createdAt: stockAdjustments.createdAt,
        actorEmail: actors.email,
      })
      .from(stockAdjustments)
      .leftJoin(actors, eq(actors.id, stockAdjustments.actorId))
      .where(eq(stockAdjustments.productId, productId))
      .orderBy(desc(stockAdjustments.id))
      .limit(limit),
    db.select({ n: cappedCount(stockAdjustments, eq(stockAdjustments.productId, productId), cap) }).from(oneRow),
  ]);
  const n = count?.n ?? 0;
  return { rows, total: Math.min(n, cap), more: n > cap };
}

export type StockLedger = Awaited<ReturnType<typeof stockLedger>>;
