import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { orderFacts } from '../orders/index.js';
import { proformaInvoices } from './proforma.tables.js';

export type ProformaInvoice = typeof proformaInvoices.$inferSelect;

export async function findProformaByOrder(db: DbOrTx, orderId: number) {
  const [row] = await db.select().from(proformaInvoices).where(eq(proformaInvoices.orderId, orderId));
  return row;
}

/**
 * The one statement that issues a PI. `nextval` sits in the SELECT list, so it runs only
 * when NOT EXISTS lets the row through: viewing an issued PI never advances the sequence.
 * Two first views racing on PostgreSQL may both pass NOT EXISTS; ON CONFLICT then drops
 * the loser (its number is skipped, never reused). A code collision also inserts nothing.
 */
export async function insertProformaIfAbsent(
  db: DbOrTx,
  v: { orderId: number; code: string; totalCents: number; buyerName: string; validUntil: Date | null },
) {
  await db.execute(sql`
    insert into ${proformaInvoices} (order_id, number, code, total_cents, buyer_name, valid_until)
    select ${v.orderId}::int,
      'PI-' || to_char(now() at time zone 'UTC', 'YYYY') || '-' || lpad(nextval('proforma_number_seq')::text, 6, '0'),
      ${v.code}::text, ${v.totalCents}::bigint, ${v.buyerName}::text, ${v.validUntil?.toISOString() ?? null}::timestamptz
    where not exists (select 1 from ${proformaInvoices} p where p.order_id = ${v.orderId}::int)
    on conflict do nothing`);
  return findProformaByOrder(db, v.orderId);
}

/** The PI behind a verification code, with the order's current status and total to compare. */
export async function findProformaByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ pi: proformaInvoices, orderStatus: orderFacts.status, orderTotalCents: orderFacts.totalCents })
    .from(proformaInvoices)
    .innerJoin(orderFacts, eq(orderFacts.id, proformaInvoices.orderId))
    .where(eq(proformaInvoices.code, code));
  return row;
}
