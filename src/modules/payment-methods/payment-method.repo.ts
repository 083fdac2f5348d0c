import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { jsonRow, jsonRows } from '../../platform/db/json-rows.js';
import type { Correlated } from '../../platform/db/prepared.js';
import { paymentMethods } from './payment-method.tables.js';

export type PaymentMethod = typeof paymentMethods.$inferSelect;

/** One method as a subquery, for a page that loads several modules' data in one statement. */
export const paymentMethodSql = (id: Correlated<number>) => jsonRow(paymentMethods, eq(paymentMethods.id, id));

/** The methods offered to buyers now, as a subquery (the order form loads them with its other data). */
export const activeMethodsSql = () => jsonRows(paymentMethods, eq(paymentMethods.active, true));

export async function findPaymentMethod(db: DbOrTx, id: number) {
  const [row] = await db.select().from(paymentMethods).where(eq(paymentMethods.id, id));
  return row;
}

export async function listPaymentMethods(db: DbOrTx, onlyActive = true) {
  return db
    .select()
    .from(paymentMethods)
    .where(onlyActive ? eq(paymentMethods.active, true) : undefined)
    .orderBy(asc(paymentMethods.sortOrder), asc(paymentMethods.id));
}

export type PaymentMethodFields = Omit<typeof paymentMethods.$inferInsert, 'id' | 'updatedAt'>;

/** Only a confirmed change creates a method (and the demo seed, which writes its rows itself). */
export async function insertPaymentMethod(db: DbOrTx, fields: PaymentMethodFields) {
  const [row] = await db.insert(paymentMethods).values(fields).returning();
  return row!;
}
