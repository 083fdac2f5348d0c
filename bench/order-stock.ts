/** Stock before and after order submission: each product's decrease must equal the units its new order lines reserved. */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';

export interface StockRow {
  id: number;
  stock: number;
}

export interface StockCheck {
  products: number;
  reservedUnits: number;
  stockDecrease: number;
  /** Products whose decrease differs from their reserved units. */
  mismatched: number;
  /** Products anywhere in the catalog with negative stock. */
  negative: number;
  exact: boolean;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Products the order customers buy: in stock, not backorderable (a refused reservation is
 * an error, not a silent backorder), and after the first 200 with stock ≥ 200, which the
 * add-to-cart write path uses and checks unchanged.
 */
export async function orderProducts(db: Db, count: number): Promise<StockRow[]> {
  return rowsOf<StockRow>(
    await db.execute(
      sql`select id, stock from products where stock >= 200 and id > (select max(id) from (select id from products where stock >= 200 order by id limit 200) f) and not backorder_allowed order by id limit ${count}`,
    ),
  );
}

export async function lastOrderId(db: Db): Promise<number> {
  return rowsOf<{ id: number }>(await db.execute(sql`select coalesce(max(id), 0)::int as id from orders`))[0]?.id ?? 0;
}

export async function checkOrderStock(db: Db, before: StockRow[], sinceOrderId: number): Promise<StockCheck> {
  const ids = sql.raw(before.map((r) => Number(r.id)).join(', ') || '0');
  const rows = rowsOf<{ id: number; stock: number; units: number }>(
    await db.execute(sql`select p.id, p.stock, coalesce(r.units, 0)::int as units from products p
      left join (select l.product_id, sum(l.quantity) as units from order_lines l where l.order_id > ${sinceOrderId} and not l.backordered group by l.product_id) r
        on r.product_id = p.id
      where p.id in (${ids})`),
  );
  const was = new Map(before.map((r) => [r.id, r.stock]));
  let reservedUnits = 0;
  let stockDecrease = 0;
  let mismatched = 0;
  for (const r of rows) {
    const decrease = (was.get(r.id) ?? 0) - r.stock;
    reservedUnits += r.units;
    stockDecrease += decrease;
    if (decrease !== r.units) mismatched++;
  }
  const negative =
    rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from products where stock < 0`))[0]?.n ?? 0;
  return {
    products: rows.length,
    reservedUnits,
    stockDecrease,
    mismatched,
    negative,
    exact: rows.length === before.length && mismatched === 0 && negative === 0,
  };
}
